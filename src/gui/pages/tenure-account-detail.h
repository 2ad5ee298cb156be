/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Accounts page's side pane: one account's facts, health, MRR history and recent weeks. */
#pragma once

#include <adwaita.h>

#include "tenure-account-row.h"
#include "tenure-workspace.h"

G_BEGIN_DECLS

#define TENURE_TYPE_ACCOUNT_DETAIL (tenure_account_detail_get_type ())

G_DECLARE_FINAL_TYPE (TenureAccountDetail, tenure_account_detail, TENURE, ACCOUNT_DETAIL, AdwBin)

GtkWidget        *tenure_account_detail_new          (void);
void              tenure_account_detail_set_account  (TenureAccountDetail *self,
                                                      TenureWorkspace     *workspace,
                                                      int                  month,
                                                      const char          *currency,
                                                      TenureAccountRow    *row);
TenureAccountRow *tenure_account_detail_get_account  (TenureAccountDetail *self);
gboolean          tenure_account_detail_get_loading  (TenureAccountDetail *self);
const char       *tenure_account_detail_get_title    (TenureAccountDetail *self);
const char       *tenure_account_detail_get_mrr_text (TenureAccountDetail *self);
guint             tenure_account_detail_get_n_weeks  (TenureAccountDetail *self);

G_END_DECLS
