/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A horizontal bar chart, one row per category; diverging: two series either side of a centre. */
#pragma once

#include "tenure-chart.h"

G_BEGIN_DECLS

#define TENURE_TYPE_BAR_CHART (tenure_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (TenureBarChart, tenure_bar_chart, TENURE, BAR_CHART, TenureChart)

GtkWidget *tenure_bar_chart_new           (void);
gboolean   tenure_bar_chart_get_diverging (TenureBarChart *self);
void       tenure_bar_chart_set_diverging (TenureBarChart *self,
                                           gboolean        diverging);

G_END_DECLS
