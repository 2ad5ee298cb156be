/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A heatmap: one row per series (cohorts), one column per category (ages), values in cells. */
#pragma once

#include "tenure-chart.h"

G_BEGIN_DECLS

#define TENURE_TYPE_HEATMAP (tenure_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (TenureHeatmap, tenure_heatmap, TENURE, HEATMAP, TenureChart)

GtkWidget  *tenure_heatmap_new           (void);
const char *tenure_heatmap_get_flag_note (TenureHeatmap *self);
void        tenure_heatmap_set_flag_note (TenureHeatmap *self,
                                          const char    *flag_note);

G_END_DECLS
