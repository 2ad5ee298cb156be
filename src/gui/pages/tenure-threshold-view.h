/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Simulation view of the Qualification page: what a score threshold would keep and cost. */
#pragma once

#include <adwaita.h>

#include "tenure-chart.h"
#include "tenure-qualify.h"

G_BEGIN_DECLS

#define TENURE_TYPE_THRESHOLD_VIEW (tenure_threshold_view_get_type ())

G_DECLARE_FINAL_TYPE (TenureThresholdView, tenure_threshold_view, TENURE, THRESHOLD_VIEW, AdwBin)

typedef enum
{
  TENURE_THRESHOLD_FIGURE_KEPT,
  TENURE_THRESHOLD_FIGURE_RETENTION_KEPT,
  TENURE_THRESHOLD_FIGURE_RETENTION_ALL,
  TENURE_THRESHOLD_FIGURE_MRR_REJECTED,
  TENURE_THRESHOLD_FIGURE_SAVED,
} TenureThresholdFigure;

void         tenure_threshold_view_set_audit     (TenureThresholdView   *self,
                                                  const TenureAudit     *audit,
                                                  const char            *currency,
                                                  gboolean               has_saved,
                                                  int                    saved);
int          tenure_threshold_view_get_threshold (TenureThresholdView   *self);
void         tenure_threshold_view_set_threshold (TenureThresholdView   *self,
                                                  int                    threshold);
void         tenure_threshold_view_set_saved     (TenureThresholdView   *self,
                                                  gboolean               has_saved,
                                                  int                    saved);
GtkScale    *tenure_threshold_view_get_scale     (TenureThresholdView   *self);
TenureChart *tenure_threshold_view_get_chart     (TenureThresholdView   *self);
const char  *tenure_threshold_view_get_figure    (TenureThresholdView   *self,
                                                  TenureThresholdFigure  figure);

G_END_DECLS
