/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Retention of the twelve latest signup cohorts, by customers or by revenue, as a heatmap. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_COHORTS_PAGE (tenure_cohorts_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureCohortsPage, tenure_cohorts_page, TENURE, COHORTS_PAGE, TenurePage)

GtkWidget *tenure_cohorts_page_get_heatmap (TenureCohortsPage *self);
gboolean   tenure_cohorts_page_get_revenue (TenureCohortsPage *self);
void       tenure_cohorts_page_set_revenue (TenureCohortsPage *self,
                                            gboolean           revenue);

G_END_DECLS
