/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The designer of one scenario: its settings, steps with their funnel, a step's editor and
 * the timeline. Every edit goes through the TenureScenarioEditor, saved at once. */
#pragma once

#include <adwaita.h>

#include "tenure-scenario.h"

G_BEGIN_DECLS

#define TENURE_TYPE_SCENARIO_DESIGNER (tenure_scenario_designer_get_type ())

G_DECLARE_FINAL_TYPE (TenureScenarioDesigner, tenure_scenario_designer,
                      TENURE, SCENARIO_DESIGNER, AdwBin)

GtkWidget      *tenure_scenario_designer_new          (void);
void            tenure_scenario_designer_set_editor   (TenureScenarioDesigner *self,
                                                       TenureScenarioEditor   *editor);
void            tenure_scenario_designer_set_choices  (TenureScenarioDesigner *self,
                                                       GPtrArray              *jobs,
                                                       const char * const     *segments);
void            tenure_scenario_designer_set_scenario (TenureScenarioDesigner *self,
                                                       TenureScenario         *scenario);
void            tenure_scenario_designer_set_stats    (TenureScenarioDesigner *self,
                                                       const TenureScenarioStats *stats,
                                                       int                     month);
gint64          tenure_scenario_designer_get_scenario_id (TenureScenarioDesigner *self);

/* What the rows show, for tests. */
guint           tenure_scenario_designer_get_n_rows   (TenureScenarioDesigner *self);
gint64          tenure_scenario_designer_get_row_step_id (TenureScenarioDesigner *self,
                                                       guint                   index);
double          tenure_scenario_designer_get_row_done_pct (TenureScenarioDesigner *self,
                                                       guint                   index);
const char     *tenure_scenario_designer_get_row_done_text (TenureScenarioDesigner *self,
                                                       guint                   index);
const char     *tenure_scenario_designer_get_row_drop_text (TenureScenarioDesigner *self,
                                                       guint                   index);
void            tenure_scenario_designer_select_row   (TenureScenarioDesigner *self,
                                                       guint                   index);
GtkEditable    *tenure_scenario_designer_get_title_entry (TenureScenarioDesigner *self);
GtkSwitch      *tenure_scenario_designer_get_required_switch (TenureScenarioDesigner *self);
GtkWidget      *tenure_scenario_designer_get_timeline (TenureScenarioDesigner *self);
GtkListBox     *tenure_scenario_designer_get_steps_list (TenureScenarioDesigner *self);
GtkEditable    *tenure_scenario_designer_get_name_entry (TenureScenarioDesigner *self);
AdwComboRow    *tenure_scenario_designer_get_kind_row (TenureScenarioDesigner *self);
GtkSpinButton  *tenure_scenario_designer_get_day_spin (TenureScenarioDesigner *self);
GtkDropDown    *tenure_scenario_designer_get_event_dropdown (TenureScenarioDesigner *self);
GtkDropDown    *tenure_scenario_designer_get_job_dropdown (TenureScenarioDesigner *self);
AdwComboRow    *tenure_scenario_designer_get_segment_row (TenureScenarioDesigner *self);
GtkSwitch      *tenure_scenario_designer_get_active_switch (TenureScenarioDesigner *self);
const char     *tenure_scenario_designer_get_step_error (TenureScenarioDesigner *self);
const char     *tenure_scenario_designer_get_name_error (TenureScenarioDesigner *self);
const char     *tenure_scenario_designer_get_active_error (TenureScenarioDesigner *self);

G_END_DECLS
