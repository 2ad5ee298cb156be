/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first page: what Tenure does, the demo company, opening and importing, recent files. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENURE_TYPE_WELCOME_PAGE (tenure_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureWelcomePage, tenure_welcome_page, TENURE, WELCOME_PAGE, AdwBin)

void     tenure_welcome_page_open_demo        (TenureWelcomePage *self);
void     tenure_welcome_page_cancel_demo      (TenureWelcomePage *self);
gboolean tenure_welcome_page_get_busy         (TenureWelcomePage *self);
char    *tenure_welcome_page_dup_demo_path    (void);
guint    tenure_welcome_page_get_n_recent     (TenureWelcomePage *self);

G_END_DECLS
