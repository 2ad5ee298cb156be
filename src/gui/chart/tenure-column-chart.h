/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A column chart, side by side or stacked, with negative values hanging below zero. */
#pragma once

#include "tenure-chart.h"

G_BEGIN_DECLS

#define TENURE_TYPE_COLUMN_CHART (tenure_column_chart_get_type ())

G_DECLARE_FINAL_TYPE (TenureColumnChart, tenure_column_chart, TENURE, COLUMN_CHART, TenureChart)

GtkWidget *tenure_column_chart_new         (void);
gboolean   tenure_column_chart_get_stacked (TenureColumnChart *self);
void       tenure_column_chart_set_stacked (TenureColumnChart *self,
                                            gboolean           stacked);

G_END_DECLS
