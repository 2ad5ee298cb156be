/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A waterfall (bridge): a starting total, the movements that float on it, the ending total. */
#pragma once

#include "tenure-chart.h"

G_BEGIN_DECLS

#define TENURE_TYPE_WATERFALL_CHART (tenure_waterfall_chart_get_type ())

G_DECLARE_FINAL_TYPE (TenureWaterfallChart, tenure_waterfall_chart,
                      TENURE, WATERFALL_CHART, TenureChart)

GtkWidget *tenure_waterfall_chart_new (void);

G_END_DECLS
