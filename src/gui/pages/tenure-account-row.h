/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One scored customer as an item of the Accounts page's list, and the list itself. */
#pragma once

#include <gio/gio.h>

#include "tenure-health.h"

G_BEGIN_DECLS

/* The columns of the Accounts page, each with a sort key per row. */
typedef enum
{
  TENURE_ACCOUNT_COLUMN_NAME,
  TENURE_ACCOUNT_COLUMN_SCORE,
  TENURE_ACCOUNT_COLUMN_BAND,
  TENURE_ACCOUNT_COLUMN_MRR,
  TENURE_ACCOUNT_COLUMN_OWNER,
  TENURE_ACCOUNT_COLUMN_SEGMENT,
  TENURE_ACCOUNT_COLUMN_DRIVERS,
  TENURE_ACCOUNT_N_COLUMNS
} TenureAccountColumn;

#define TENURE_TYPE_ACCOUNT_ROW (tenure_account_row_get_type ())

G_DECLARE_FINAL_TYPE (TenureAccountRow, tenure_account_row, TENURE, ACCOUNT_ROW, GObject)

TenureAccountRow          *tenure_account_row_new           (const TenureAccountHealth *health,
                                                             const char                *currency);
GPtrArray                 *tenure_account_rows_new          (const TenureHealthReport  *report,
                                                             const char                *currency);
TenureAccountRow          *tenure_account_row_get_account   (TenureAccountRow          *self);
const TenureAccountHealth *tenure_account_row_get_health    (TenureAccountRow          *self);
gint64                     tenure_account_row_get_id        (TenureAccountRow          *self);
const char                *tenure_account_row_get_name      (TenureAccountRow          *self);
const char                *tenure_account_row_get_owner     (TenureAccountRow          *self);
const char                *tenure_account_row_get_segment   (TenureAccountRow          *self);
int                        tenure_account_row_get_score     (TenureAccountRow          *self);
TenureHealthBand           tenure_account_row_get_band      (TenureAccountRow          *self);
gint64                     tenure_account_row_get_mrr       (TenureAccountRow          *self);
const char                *tenure_account_row_get_mrr_text  (TenureAccountRow          *self);
gboolean                   tenure_account_row_get_dormant   (TenureAccountRow          *self);
const char                *tenure_account_row_get_drivers   (TenureAccountRow          *self);
gboolean                   tenure_account_row_matches       (TenureAccountRow          *self,
                                                             const char                *needle);
gint64                     tenure_account_row_get_sort_key  (TenureAccountRow          *self,
                                                             TenureAccountColumn        column);
void                       tenure_account_row_set_sort_key  (TenureAccountRow          *self,
                                                             TenureAccountColumn        column,
                                                             gint64                     key);

char                      *tenure_account_drivers_text      (const TenureAccountHealth *health);

#define TENURE_TYPE_ACCOUNT_LIST (tenure_account_list_get_type ())

G_DECLARE_FINAL_TYPE (TenureAccountList, tenure_account_list, TENURE, ACCOUNT_LIST, GObject)

TenureAccountList         *tenure_account_list_new          (void);
void                       tenure_account_list_set_rows     (TenureAccountList         *self,
                                                             GPtrArray                 *rows);

G_END_DECLS
