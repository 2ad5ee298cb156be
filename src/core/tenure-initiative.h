/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Return on investment of retention initiatives (METRICS.md section 3). */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-metrics.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;
  gint64  cost_cents;
  int     start_month;           /* TENURE_MONTH () values */
  int     end_month;
  char   *segment;               /* nullable */
  gint64  scenario_id;           /* 0 when the initiative has no scenario */
  guint   n_months;              /* months counted: start … min (end, M) */
  double  gain;                  /* unrounded cents */
  gint64  gain_cents;
  double  roi_pct;               /* nullable: cost 0 */
} TenureInitiativeRoi;

/* Every initiative of the workspace, by start month then name, with its ROI at @month. */
GPtrArray *tenure_initiative_roi (TenureDb            *db,
                                  int                  month,
                                  const TenureFilter  *filter,
                                  GCancellable        *cancellable,
                                  GError             **error);

G_END_DECLS
