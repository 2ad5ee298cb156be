/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A line chart: one line per series over the categories (months), an optional target. */
#pragma once

#include "tenure-chart.h"

G_BEGIN_DECLS

#define TENURE_TYPE_LINE_CHART (tenure_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (TenureLineChart, tenure_line_chart, TENURE, LINE_CHART, TenureChart)

GtkWidget *tenure_line_chart_new (void);

G_END_DECLS
