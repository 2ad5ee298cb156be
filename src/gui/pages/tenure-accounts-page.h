/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Accounts page: the customers of the month with their health, filters and a detail pane. */
#pragma once

#include "tenure-account-detail.h"
#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_ACCOUNTS_PAGE (tenure_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureAccountsPage, tenure_accounts_page, TENURE, ACCOUNTS_PAGE, TenurePage)

void                 tenure_accounts_page_ensure_style      (void);
void                 tenure_accounts_page_show_dormant      (TenureAccountsPage *self);

GListModel          *tenure_accounts_page_get_rows          (TenureAccountsPage *self);
guint                tenure_accounts_page_get_n_accounts    (TenureAccountsPage *self);
void                 tenure_accounts_page_set_search        (TenureAccountsPage *self,
                                                             const char         *text);
void                 tenure_accounts_page_set_band_filter   (TenureAccountsPage *self,
                                                             int                 band);
void                 tenure_accounts_page_set_owner_filter  (TenureAccountsPage *self,
                                                             const char         *owner);
void                 tenure_accounts_page_set_dormant_filter (TenureAccountsPage *self,
                                                             gboolean            dormant);
void                 tenure_accounts_page_sort              (TenureAccountsPage *self,
                                                             const char         *column,
                                                             GtkSortType         order);
void                 tenure_accounts_page_select            (TenureAccountsPage *self,
                                                             guint               position);
TenureAccountDetail *tenure_accounts_page_get_detail        (TenureAccountsPage *self);

G_END_DECLS
