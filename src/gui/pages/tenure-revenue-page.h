/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Thirteen months of recurring revenue: its level, its movements, retention and a table. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_REVENUE_PAGE (tenure_revenue_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureRevenuePage, tenure_revenue_page, TENURE, REVENUE_PAGE, TenurePage)

GtkWidget  *tenure_revenue_page_get_mrr_chart       (TenureRevenuePage *self);
GtkWidget  *tenure_revenue_page_get_movements_chart (TenureRevenuePage *self);
GtkWidget  *tenure_revenue_page_get_retention_chart (TenureRevenuePage *self);
const char *tenure_revenue_page_get_cell            (TenureRevenuePage *self,
                                                     guint              row,
                                                     guint              column);

G_END_DECLS
