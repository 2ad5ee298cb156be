/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One scored customer as an item of the Accounts page's list models. */
#pragma once

#include <glib-object.h>

#include "tenure-health.h"

G_BEGIN_DECLS

#define TENURE_TYPE_ACCOUNT_ROW (tenure_account_row_get_type ())

G_DECLARE_FINAL_TYPE (TenureAccountRow, tenure_account_row, TENURE, ACCOUNT_ROW, GObject)

TenureAccountRow          *tenure_account_row_new          (const TenureAccountHealth *health);
const TenureAccountHealth *tenure_account_row_get_health   (TenureAccountRow          *self);
gint64                     tenure_account_row_get_id       (TenureAccountRow          *self);
const char                *tenure_account_row_get_name     (TenureAccountRow          *self);
const char                *tenure_account_row_get_owner    (TenureAccountRow          *self);
const char                *tenure_account_row_get_segment  (TenureAccountRow          *self);
int                        tenure_account_row_get_score    (TenureAccountRow          *self);
TenureHealthBand           tenure_account_row_get_band     (TenureAccountRow          *self);
gint64                     tenure_account_row_get_mrr      (TenureAccountRow          *self);
gboolean                   tenure_account_row_get_dormant  (TenureAccountRow          *self);
const char                *tenure_account_row_get_drivers  (TenureAccountRow          *self);

char                      *tenure_account_drivers_text     (const TenureAccountHealth *health);

G_END_DECLS
