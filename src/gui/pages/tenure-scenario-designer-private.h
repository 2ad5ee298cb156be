/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The designer's insides, shared by its files: the widget, its step rows with their funnel
 * (tenure-step-row.c) and the selected step's editor (tenure-step-editor.c). */
#pragma once

#include <math.h>
#include <glib/gi18n.h>

#include "tenure-format.h"
#include "tenure-scenario-designer.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      step_id;
  GtkWidget  *level_bar;
  GtkWidget  *done_label;
  GtkWidget  *median_label;
  GtkWidget  *drop_label;
  double      done_pct;
} RowInfo;

struct _TenureScenarioDesigner
{
  AdwBin                parent_instance;

  TenureScenarioEditor *editor;      /* NULL: read-only */
  TenureScenario       *scenario;
  GPtrArray            *jobs;        /* TenureScenarioJob */
  GStrv                 segments;
  gint64                selected_step;
  gint64                shown_step;  /* the step the step editor shows */
  int                   month;
  GArray               *step_stats;  /* TenureStepStats without titles; NULL: none */
  guint                 enrolments;
  guint                 updating;

  /* Scenario */
  AdwEntryRow          *name_row;
  AdwEntryRow          *description_row;
  GtkSwitch            *active_switch;
  AdwComboRow          *job_row;
  AdwComboRow          *segment_row;
  GtkStringList        *job_model;
  GtkStringList        *segment_model;
  GtkWidget            *enrol_button;
  AdwActionRow         *name_error_row;
  AdwActionRow         *active_error_row;

  /* Timeline and steps */
  AdwPreferencesGroup  *timeline_group;
  GtkWidget            *timeline;
  GtkLabel             *funnel_caption;
  GtkListBox           *steps_list;
  GArray               *rows;        /* RowInfo, by position */
  GtkSizeGroup         *funnel_group;

  /* Step editor */
  AdwPreferencesGroup  *step_group;
  AdwEntryRow          *title_row;
  AdwComboRow          *kind_row;
  GtkSpinButton        *day_spin;
  GtkSwitch            *required_switch;
  GtkDropDown          *event_dropdown;
  GtkDropDown          *done_job_dropdown;
  GtkStringList        *done_job_model;
  GtkTextView          *body_view;
  AdwActionRow         *step_error;     /* under the title */
  GtkWidget            *done_when_row;
};

/* tenure-scenario-designer.c */
void       _tenure_scenario_designer_toast       (TenureScenarioDesigner *self,
                                                  const char             *message,
                                                  gboolean                offer_undo);
void       _tenure_scenario_designer_refresh     (TenureScenarioDesigner *self);

/* tenure-step-row.c */
GtkWidget *_tenure_step_row_new                  (TenureScenarioDesigner *self,
                                                  const TenureStep       *step,
                                                  RowInfo                *info);
void       _tenure_scenario_designer_apply_stats (TenureScenarioDesigner *self);

/* tenure-step-editor.c */
GtkWidget *_tenure_step_editor_build             (TenureScenarioDesigner *self);
void       _tenure_step_editor_update            (TenureScenarioDesigner *self);

/* Helpers */

/* Reports an editor error, if any; returns @ok. */
static inline gboolean
check (TenureScenarioDesigner *self,
       gboolean                ok,
       GError                 *error)
{
  if (!ok && error != NULL)
    _tenure_scenario_designer_toast (self, error->message, FALSE);
  return ok;
}

static inline TenureStep *
find_step (TenureScenarioDesigner *self,
           gint64                  step_id)
{
  for (guint i = 0; self->scenario != NULL && i < self->scenario->steps->len; i++)
    {
      TenureStep *step = g_ptr_array_index (self->scenario->steps, i);

      if (step->id == step_id)
        return step;
    }

  return NULL;
}

static inline TenureStep *
selected_step (TenureScenarioDesigner *self)
{
  return find_step (self, self->selected_step);
}

static inline gboolean
editable (TenureScenarioDesigner *self)
{
  return self->editor != NULL && self->scenario != NULL;
}

static inline void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static inline char *
format_pct (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return tenure_format_percent (value, 0, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

/* Building */

static inline GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

static inline GtkWidget *
switch_row_new (const char  *title,
                const char  *subtitle,
                GtkSwitch  **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out_switch = GTK_SWITCH (sw);

  return row;
}

static inline AdwEntryRow *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Ctrl+Z undoes through the scenario editor, not inside the entry. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);

  return ADW_ENTRY_ROW (row);
}

/* A row that says what is wrong with the row above it, in plain words; hidden until then. */
static inline AdwActionRow *
error_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_visible (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Error"), -1);

  return ADW_ACTION_ROW (row);
}

static inline void
error_row_show (AdwActionRow *row,
                const char   *message)
{
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
}

static inline AdwComboRow *
combo_row_new (const char     *title,
               const char     *subtitle,
               GtkStringList **model)
{
  GtkWidget *row = adw_combo_row_new ();

  *model = gtk_string_list_new (NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (*model));
  g_object_unref (*model);

  return ADW_COMBO_ROW (row);
}

G_END_DECLS
