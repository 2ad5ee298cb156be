/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The header bar's month: previous and next arrows around a button that picks month and year. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENURE_TYPE_MONTH_SELECTOR (tenure_month_selector_get_type ())

G_DECLARE_FINAL_TYPE (TenureMonthSelector, tenure_month_selector, TENURE, MONTH_SELECTOR, GtkWidget)

int         tenure_month_selector_get_month     (TenureMonthSelector *self);
void        tenure_month_selector_set_month     (TenureMonthSelector *self,
                                                 int                  month);
void        tenure_month_selector_set_range     (TenureMonthSelector *self,
                                                 int                  first_month,
                                                 int                  last_month);
const char *tenure_month_selector_get_label     (TenureMonthSelector *self);

char       *tenure_month_selector_format_month  (int                  month);

G_END_DECLS
