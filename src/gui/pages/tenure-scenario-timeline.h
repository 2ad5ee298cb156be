/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scenario's steps on a day 0 → day 30 line: required steps filled, optional ones hollow. */
#pragma once

#include <gtk/gtk.h>

#include "tenure-scenario.h"

G_BEGIN_DECLS

#define TENURE_TYPE_SCENARIO_TIMELINE (tenure_scenario_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TenureScenarioTimeline, tenure_scenario_timeline,
                      TENURE, SCENARIO_TIMELINE, GtkWidget)

GtkWidget *tenure_scenario_timeline_new          (void);
void       tenure_scenario_timeline_set_scenario (TenureScenarioTimeline *self,
                                                  const TenureScenario   *scenario);
guint      tenure_scenario_timeline_get_n_markers (TenureScenarioTimeline *self);
int        tenure_scenario_timeline_get_last_day (TenureScenarioTimeline *self);

G_END_DECLS
