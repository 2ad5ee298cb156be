/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sparkline for KPI cards: the first series as a small line, no axes, the last point marked. */
#pragma once

#include "tenure-chart.h"

G_BEGIN_DECLS

#define TENURE_TYPE_SPARKLINE (tenure_sparkline_get_type ())

G_DECLARE_FINAL_TYPE (TenureSparkline, tenure_sparkline, TENURE, SPARKLINE, TenureChart)

GtkWidget *tenure_sparkline_new (void);

G_END_DECLS
