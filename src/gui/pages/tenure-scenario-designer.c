/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scenario designer: settings, steps in order with their measured funnel, the selected
 * step's editor and the timeline. Edits go through TenureScenarioEditor (saved and
 * undoable); the page reloads the scenario when the editor says it changed. */

#define G_LOG_DOMAIN "tenure-scenario-designer"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "tenure-format.h"
#include "tenure-month-selector.h"
#include "tenure-scenario-designer.h"
#include "tenure-scenario-timeline.h"

static const char * const kind_icons[] = {
  "text-x-generic-symbolic",   /* content */
  "emblem-system-symbolic",    /* automation */
  "help-browser-symbolic",     /* tutorial */
  "call-start-symbolic",       /* check-in */
};

/* The "done when" choices; the first means marked by hand. */
static const struct { const char *kind; const char *label; } event_choices[] = {
  { NULL, N_("Marked done by hand") },
  { "session", N_("The customer logs in") },
  { "action", N_("The customer takes an action") },
  { "feature_used", N_("The customer uses a feature") },
  { "job_completed", N_("The customer completes a job") },
};

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

  /* Timeline and steps */
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
  GtkLabel             *step_error;
};

G_DEFINE_FINAL_TYPE (TenureScenarioDesigner, tenure_scenario_designer, ADW_TYPE_BIN)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void refresh (TenureScenarioDesigner *self);

/* Helpers */

static void
toast (TenureScenarioDesigner *self,
       const char             *message,
       gboolean                offer_undo)
{
  g_signal_emit (self, signals [TOAST], 0, message, offer_undo);
}

/* Reports an editor error, if any; returns @ok. */
static gboolean
check (TenureScenarioDesigner *self,
       gboolean                ok,
       GError                 *error)
{
  if (!ok && error != NULL)
    toast (self, error->message, FALSE);
  return ok;
}

static TenureStep *
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

static TenureStep *
selected_step (TenureScenarioDesigner *self)
{
  return find_step (self, self->selected_step);
}

static gboolean
editable (TenureScenarioDesigner *self)
{
  return self->editor != NULL && self->scenario != NULL;
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static char *
format_pct (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return tenure_format_percent (value, 0, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

/* Step rows */

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 24, 24);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  TenureScenarioDesigner *self = user_data;
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GError) error = NULL;
  gint64 step_id;
  int position;

  if (!editable (self) || !G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  step_id = g_value_get_int64 (value);
  position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1;
  if (find_step (self, step_id) == NULL || find_step (self, step_id)->position == position)
    return FALSE;

  self->selected_step = step_id;
  return check (self,
                tenure_scenario_editor_move_step (self->editor, step_id, position, &error),
                error);
}

static GtkWidget *
create_step_row (TenureScenarioDesigner *self,
                 const TenureStep       *step,
                 RowInfo                *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *funnel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icons[step->kind]);
  GtkWidget *title = gtk_label_new (step->title);
  GtkWidget *subtitle;
  GtkDragSource *source;
  GtkDropTarget *target;
  g_autofree char *day = NULL;
  g_autofree char *details = NULL;

  /* Translators: a step's day, counted from the enrolment */
  day = g_strdup_printf (_("Day %d"), step->day_offset);
  /* Translators: a step's kind, day and whether it is required */
  details = g_strdup_printf (_("%s · %s · %s"), tenure_step_kind_get_label (step->kind), day,
                             step->required ? _("Required") : _("Optional"));
  subtitle = gtk_label_new (details);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder, or press Alt+Up / Alt+Down"));
  gtk_widget_set_tooltip_text (icon, tenure_step_kind_get_label (step->kind));
  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, step->required ? "heading" : "body");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);

  /* The funnel: the share of enrolments that did the step, its median day, the drop. */
  info->step_id = step->id;
  info->done_pct = NAN;
  info->level_bar = gtk_level_bar_new_for_interval (0, 100);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (info->level_bar), 0);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (info->level_bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (info->level_bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (info->level_bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (info->level_bar, 132, -1);
  info->done_label = gtk_label_new ("—");
  gtk_widget_add_css_class (info->done_label, "numeric");
  gtk_widget_add_css_class (info->done_label, "heading");
  info->median_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (info->median_label, "dim-label");
  gtk_widget_add_css_class (info->median_label, "caption");
  gtk_widget_add_css_class (info->median_label, "numeric");
  info->drop_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (info->drop_label, "caption");
  gtk_widget_add_css_class (info->drop_label, "numeric");
  gtk_widget_set_halign (info->drop_label, GTK_ALIGN_END);
  gtk_widget_set_hexpand (info->drop_label, TRUE);
  gtk_box_append (GTK_BOX (figures), info->done_label);
  gtk_box_append (GTK_BOX (figures), info->median_label);
  gtk_box_append (GTK_BOX (figures), info->drop_label);
  gtk_box_append (GTK_BOX (funnel), figures);
  gtk_box_append (GTK_BOX (funnel), info->level_bar);
  gtk_widget_set_valign (funnel, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (funnel, 180, -1);
  gtk_widget_set_hexpand (funnel, FALSE);
  gtk_size_group_add_widget (self->funnel_group, funnel);
  gtk_box_append (GTK_BOX (box), funnel);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (self->editor != NULL)
    {
      g_autoptr(GdkContentProvider) content = gdk_content_provider_new_typed (G_TYPE_INT64,
                                                                              step->id);

      source = gtk_drag_source_new ();
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      gtk_drag_source_set_content (source, content);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

      target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
      g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
    }

  return row;
}

static void
update_funnel_caption (TenureScenarioDesigner *self)
{
  g_autofree char *month = tenure_month_selector_format_month (self->month);
  g_autofree char *text = NULL;

  if (self->step_stats == NULL || self->enrolments == 0)
    /* Translators: %s is a month, "March 2026" */
    text = g_strdup_printf (_("Nobody was enrolled in the 3 months ending %s: the bars fill "
                              "as customers go through the steps."), month);
  else
    /* Translators: %u is a number of enrolments, %s a month */
    text = g_strdup_printf (ngettext ("Share of the %u enrolment started in the 3 months "
                                      "ending %s that did each step, the median day it took, "
                                      "and the drop from the step before.",
                                      "Share of the %u enrolments started in the 3 months "
                                      "ending %s that did each step, the median day it took, "
                                      "and the drop from the step before.",
                                      self->enrolments),
                            self->enrolments, month);
  gtk_label_set_text (self->funnel_caption, text);
}

static const TenureStepStats *
find_step_stats (TenureScenarioDesigner *self,
                 gint64                  step_id)
{
  for (guint i = 0; self->step_stats != NULL && i < self->step_stats->len; i++)
    {
      const TenureStepStats *s = &g_array_index (self->step_stats, TenureStepStats, i);

      if (s->step_id == step_id)
        return s;
    }

  return NULL;
}

/* Stats */

static void
apply_stats (TenureScenarioDesigner *self)
{
  double previous = NAN;

  update_funnel_caption (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RowInfo *info = &g_array_index (self->rows, RowInfo, i);
      const TenureStepStats *s = find_step_stats (self, info->step_id);
      g_autofree char *done = NULL;
      g_autofree char *median = NULL;
      g_autofree char *drop = NULL;
      g_autofree char *tooltip = NULL;

      info->done_pct = s != NULL ? s->done_pct : NAN;
      done = format_pct (info->done_pct);
      gtk_label_set_text (GTK_LABEL (info->done_label), done);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (info->level_bar),
                               isnan (info->done_pct) ? 0 : CLAMP (info->done_pct, 0, 100));

      if (s == NULL || isnan (s->median_days))
        median = g_strdup ("");
      else
        {
          g_autofree char *days = tenure_format_number (s->median_days, 0, TENURE_FORMAT_NONE,
                                                        TENURE_LANGUAGE_DEFAULT);

          /* Translators: the median number of days it took to do a step */
          median = g_strdup_printf (_("median day %s"), days);
        }
      gtk_label_set_text (GTK_LABEL (info->median_label), median);

      gtk_widget_remove_css_class (info->drop_label, "warning");
      gtk_widget_remove_css_class (info->drop_label, "dim-label");
      if (i > 0 && !isnan (previous) && !isnan (info->done_pct) &&
          previous - info->done_pct >= 0.5)
        {
          g_autofree char *points = tenure_format_number (previous - info->done_pct, 0,
                                                          TENURE_FORMAT_NONE,
                                                          TENURE_LANGUAGE_DEFAULT);

          /* Translators: the drop in percentage points from the step before */
          drop = g_strdup_printf (_("−%s pts"), points);
          gtk_widget_add_css_class (info->drop_label,
                                    previous - info->done_pct >= 10 ? "warning" : "dim-label");
        }
      gtk_label_set_text (GTK_LABEL (info->drop_label), drop != NULL ? drop : "");

      if (s == NULL)
        tooltip = g_strdup (_("No figures yet for this step: it is new, or nobody was enrolled "
                              "in the last 3 months."));
      else if (isnan (s->done_pct))
        tooltip = g_strdup (_("Nobody was enrolled in the 3 months ending this month."));
      else
        /* Translators: %u customers did the step; %s is a percentage */
        tooltip = g_strdup_printf (ngettext ("%u enrolment did this step (%s of the enrolments "
                                             "of the last 3 months)",
                                             "%u enrolments did this step (%s of the "
                                             "enrolments of the last 3 months)", s->done),
                                   s->done, done);
      gtk_widget_set_tooltip_text (gtk_widget_get_parent (gtk_widget_get_parent (info->level_bar)),
                                   tooltip);
      previous = info->done_pct;
    }
}

/* The funnel of @month for the scenario shown (copied), or none. */
void
tenure_scenario_designer_set_stats (TenureScenarioDesigner    *self,
                                    const TenureScenarioStats *stats,
                                    int                        month)
{
  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  self->month = month;
  g_clear_pointer (&self->step_stats, g_array_unref);
  self->enrolments = 0;
  if (stats != NULL)
    {
      self->step_stats = g_array_sized_new (FALSE, TRUE, sizeof (TenureStepStats),
                                            stats->steps->len);
      for (guint i = 0; i < stats->steps->len; i++)
        {
          TenureStepStats s = g_array_index (stats->steps, TenureStepStats, i);

          s.title = NULL;
          g_array_append_val (self->step_stats, s);
        }
      self->enrolments = stats->enrolments;
    }
  apply_stats (self);
}

/* The step editor */

static void
update_step_editor (TenureScenarioDesigner *self)
{
  TenureStep *step = selected_step (self);
  g_autofree char *description = NULL;
  guint event = 0;
  guint job = 0;

  self->updating++;

  gtk_widget_set_visible (GTK_WIDGET (self->step_group), step != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->step_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  if (step != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
      g_autofree char *body = NULL;
      GtkTextIter start, end;

      /* Translators: the heading of the selected step's editor; %d is its position */
      description = g_strdup_printf (_("Step %d"), step->position);
      adw_preferences_group_set_title (self->step_group, description);

      set_editable_text (GTK_EDITABLE (self->title_row), step->title);
      adw_combo_row_set_selected (self->kind_row, step->kind);
      gtk_spin_button_set_value (self->day_spin, step->day_offset);
      gtk_switch_set_active (self->required_switch, step->required);

      for (guint i = 1; i < G_N_ELEMENTS (event_choices); i++)
        if (g_strcmp0 (step->done_when_event_kind, event_choices[i].kind) == 0)
          event = i;
      gtk_drop_down_set_selected (self->event_dropdown, event);
      for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
        if (((TenureScenarioJob *) g_ptr_array_index (self->jobs, i))->id == step->done_when_job_id)
          job = i + 1;
      gtk_drop_down_set_selected (self->done_job_dropdown, job);
      gtk_widget_set_sensitive (GTK_WIDGET (self->done_job_dropdown), event != 0);

      gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->body_view), &start, &end);
      body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (body, step->body != NULL ? step->body : "") != 0)
        gtk_text_buffer_set_text (buffer, step->body != NULL ? step->body : "", -1);
    }

  self->updating--;
}

static void
step_error (TenureScenarioDesigner *self,
            GError                 *error)
{
  gtk_label_set_text (self->step_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->step_error), TRUE);
}

static void
title_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  const char *title;

  if (self->updating > 0 || step == NULL || !editable (self))
    return;

  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  if (!tenure_scenario_editor_set_step_title (self->editor, step->id, title, &error))
    {
      /* Shown inline: the title keeps what the user typed until it is valid. */
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      step_error (self, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->step_error), FALSE);
}

static void
kind_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->updating > 0 || step == NULL || !editable (self) || kind == GTK_INVALID_LIST_POSITION ||
      kind == step->kind)
    return;

  check (self, tenure_scenario_editor_set_step_kind (self->editor, step->id, kind, &error), error);
}

static void
day_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  int day = gtk_spin_button_get_value_as_int (self->day_spin);

  if (self->updating > 0 || step == NULL || !editable (self) || day == step->day_offset)
    return;

  if (!tenure_scenario_editor_set_step_day_offset (self->editor, step->id, day, &error))
    step_error (self, error);
}

static void
required_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  gboolean required = gtk_switch_get_active (self->required_switch);

  if (self->updating > 0 || step == NULL || !editable (self) || required == step->required)
    return;

  if (!check (self, tenure_scenario_editor_set_step_required (self->editor, step->id, required,
                                                               &error), error))
    update_step_editor (self);
}

static void
done_when_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  guint event = gtk_drop_down_get_selected (self->event_dropdown);
  guint job = gtk_drop_down_get_selected (self->done_job_dropdown);
  gint64 job_id = 0;

  if (self->updating > 0 || step == NULL || !editable (self))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->done_job_dropdown), event != 0);
  if (event == 0 || event >= G_N_ELEMENTS (event_choices))
    event = 0;
  if (event != 0 && job != GTK_INVALID_LIST_POSITION && job > 0 && self->jobs != NULL &&
      job <= self->jobs->len)
    job_id = ((TenureScenarioJob *) g_ptr_array_index (self->jobs, job - 1))->id;

  if (g_strcmp0 (event_choices[event].kind, step->done_when_event_kind) == 0 &&
      job_id == step->done_when_job_id)
    return;

  if (!check (self, tenure_scenario_editor_set_step_done_when (self->editor, step->id,
                                                               event_choices[event].kind,
                                                               job_id, &error), error))
    update_step_editor (self);
}

static void
body_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *body = NULL;
  GtkTextIter start, end;

  if (self->updating > 0 || step == NULL || !editable (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  check (self, tenure_scenario_editor_set_step_body (self->editor, step->id, body, &error), error);
}

/* Scenario settings */

static void
name_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || !editable (self))
    return;

  if (!tenure_scenario_editor_rename (self->editor, self->scenario->id,
                                      gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                      &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), NULL);
}

static void
description_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  const char *description;

  if (self->updating > 0 || !editable (self))
    return;

  description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  check (self, tenure_scenario_editor_set_description (self->editor, self->scenario->id,
                                                       description, &error), error);
}

static void
active_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->active_switch);

  if (self->updating > 0 || !editable (self) || active == self->scenario->active)
    return;

  if (!check (self, tenure_scenario_editor_set_active (self->editor, self->scenario->id, active,
                                                       &error), error))
    refresh (self);
}

static void
job_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->job_row);
  gint64 job_id = 0;

  if (self->updating > 0 || !editable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && self->jobs != NULL && selected <= self->jobs->len)
    job_id = ((TenureScenarioJob *) g_ptr_array_index (self->jobs, selected - 1))->id;
  if (job_id == self->scenario->job_id)
    return;

  check (self, tenure_scenario_editor_set_job (self->editor, self->scenario->id, job_id, &error),
         error);
}

static void
segment_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->segment_row);
  const char *segment = NULL;

  if (self->updating > 0 || !editable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && self->segments != NULL && selected <= g_strv_length (self->segments))
    segment = self->segments[selected - 1];
  if (g_strcmp0 (segment, self->scenario->auto_enrol_segment) == 0)
    return;

  check (self, tenure_scenario_editor_set_auto_enrol_segment (self->editor, self->scenario->id,
                                                              segment, &error), error);
}

/* Refreshing from the scenario */

static void
row_selected_cb (TenureScenarioDesigner *self,
                 GtkListBoxRow          *row)
{
  if (self->updating > 0)
    return;

  if (self->editor != NULL)
    tenure_scenario_editor_seal (self->editor);
  self->selected_step = 0;
  if (row != NULL)
    {
      guint index = gtk_list_box_row_get_index (row);

      if (index < self->rows->len)
        self->selected_step = g_array_index (self->rows, RowInfo, index).step_id;
    }
  update_step_editor (self);
}

static void
refresh (TenureScenarioDesigner *self)
{
  TenureScenario *scenario = self->scenario;
  GtkWidget *child;
  guint job = 0;
  guint segment = 0;

  self->updating++;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  g_array_set_size (self->rows, 0);

  tenure_scenario_timeline_set_scenario (TENURE_SCENARIO_TIMELINE (self->timeline), scenario);

  if (scenario != NULL)
    {
      set_editable_text (GTK_EDITABLE (self->name_row), scenario->name);
      set_editable_text (GTK_EDITABLE (self->description_row), scenario->description);
      gtk_switch_set_active (self->active_switch, scenario->active);
      for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
        if (((TenureScenarioJob *) g_ptr_array_index (self->jobs, i))->id == scenario->job_id)
          job = i + 1;
      adw_combo_row_set_selected (self->job_row, job);
      for (guint i = 0; self->segments != NULL && self->segments[i] != NULL; i++)
        if (g_strcmp0 (self->segments[i], scenario->auto_enrol_segment) == 0)
          segment = i + 1;
      adw_combo_row_set_selected (self->segment_row, segment);

      if (find_step (self, self->selected_step) == NULL)
        self->selected_step = scenario->steps->len > 0
                              ? ((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id
                              : 0;
      for (guint i = 0; i < scenario->steps->len; i++)
        {
          TenureStep *step = g_ptr_array_index (scenario->steps, i);
          RowInfo info = { 0 };
          GtkWidget *row = create_step_row (self, step, &info);

          g_array_append_val (self->rows, info);
          gtk_list_box_append (self->steps_list, row);
          if (step->id == self->selected_step)
            gtk_list_box_select_row (self->steps_list, GTK_LIST_BOX_ROW (row));
        }
    }

  self->updating--;

  apply_stats (self);
  update_step_editor (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.add-step", editable (self));
}

/* Actions */

static void
move_selected (TenureScenarioDesigner *self,
               int                     delta)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  int position;

  if (step == NULL || !editable (self))
    return;

  position = step->position + delta;
  if (position < 1 || position > (int) self->scenario->steps->len)
    return;

  check (self, tenure_scenario_editor_move_step (self->editor, step->id, position, &error), error);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_selected (TENURE_SCENARIO_DESIGNER (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_selected (TENURE_SCENARIO_DESIGNER (widget), 1);
}

static void
delete_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (widget);
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  g_autofree char *message = NULL;

  if (step == NULL || !editable (self))
    return;

  /* Translators: %s is the title of a deleted step */
  message = g_strdup_printf (_("“%s” deleted"), step->title);
  if (check (self, tenure_scenario_editor_delete_step (self->editor, step->id, &error), error))
    toast (self, message, TRUE);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (widget);
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  int position;
  gint64 id;

  if (!editable (self))
    return;

  position = step != NULL ? step->position + 1 : (int) self->scenario->steps->len + 1;
  id = tenure_scenario_editor_add_step (self->editor, self->scenario->id, position,
                                        TENURE_STEP_CONTENT, _("New step"), &error);
  if (check (self, id != 0, error))
    {
      self->selected_step = id;
      update_step_editor (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }
}

/* Building */

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

static GtkWidget *
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

static AdwEntryRow *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Ctrl+Z undoes through the scenario editor, not inside the entry. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);

  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
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

static GtkWidget *
build_scenario_group (TenureScenarioDesigner *self)
{
  GtkWidget *group = group_new (_("Scenario"), NULL);

  self->name_row = entry_row_new (_("Name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));

  self->description_row = entry_row_new (_("Description"));
  g_signal_connect_swapped (self->description_row, "changed",
                            G_CALLBACK (description_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->description_row));

  self->job_row = combo_row_new (_("Job"), _("What the customer hires the product for"),
                                 &self->job_model);
  g_signal_connect_swapped (self->job_row, "notify::selected", G_CALLBACK (job_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->job_row));

  self->segment_row = combo_row_new (_("Enrolment"),
                                     _("New customers of a segment are enrolled automatically"),
                                     &self->segment_model);
  g_signal_connect_swapped (self->segment_row, "notify::selected",
                            G_CALLBACK (segment_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->segment_row));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row_new (_("Active"),
                                             _("Only active scenarios enrol customers; one "
                                               "needs a required step"),
                                             &self->active_switch));
  g_signal_connect_swapped (self->active_switch, "notify::active",
                            G_CALLBACK (active_changed_cb), self);

  return group;
}

static GtkWidget *
build_step_group (TenureScenarioDesigner *self)
{
  GtkWidget *group = group_new (_("Step"), NULL);
  GtkWidget *row;
  GtkWidget *buttons;
  GtkWidget *button;
  GtkWidget *frame;
  GtkWidget *label;
  GtkWidget *box;
  g_autoptr(GtkStringList) events = gtk_string_list_new (NULL);
  GtkStringList *kinds;

  self->step_group = ADW_PREFERENCES_GROUP (group);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_from_icon_name ("go-up-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move Up (Alt+Up)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.move-up");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_from_icon_name ("go-down-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move Down (Alt+Down)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.move-down");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delete Step"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.delete-step");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  self->title_row = entry_row_new (_("Title"));
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));

  self->kind_row = combo_row_new (_("Kind"), NULL, &kinds);
  for (guint k = TENURE_STEP_CONTENT; k <= TENURE_STEP_CHECKIN; k++)
    gtk_string_list_append (kinds, tenure_step_kind_get_label (k));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Day"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Days after the customer is enrolled"));
  self->day_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 365, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->day_spin), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->day_spin, "value-changed", G_CALLBACK (day_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = switch_row_new (_("Required"),
                        _("A customer completes the scenario when every required step is done"),
                        &self->required_switch);
  g_signal_connect_swapped (self->required_switch, "notify::active",
                            G_CALLBACK (required_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Done When"));
  for (guint i = 0; i < G_N_ELEMENTS (event_choices); i++)
    gtk_string_list_append (events, _(event_choices[i].label));
  self->event_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&events)),
                                                           NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->event_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->event_dropdown),
                               _("The customer activity that marks the step done"));
  g_signal_connect_swapped (self->event_dropdown, "notify::selected",
                            G_CALLBACK (done_when_changed_cb), self);
  self->done_job_model = gtk_string_list_new (NULL);
  self->done_job_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->done_job_model),
                                                              NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->done_job_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->done_job_dropdown),
                               _("Only activity about this job counts"));
  g_signal_connect_swapped (self->done_job_dropdown, "notify::selected",
                            G_CALLBACK (done_when_changed_cb), self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->event_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->done_job_dropdown));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* The body: what the customer receives or does. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  label = gtk_label_new_with_mnemonic (_("_Message or instructions"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  self->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->body_view));
  gtk_text_view_set_wrap_mode (self->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->body_view, 8);
  gtk_text_view_set_bottom_margin (self->body_view, 8);
  gtk_text_view_set_left_margin (self->body_view, 10);
  gtk_text_view_set_right_margin (self->body_view, 10);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->body_view), FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->body_view), -1, 96);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (body_changed_cb), self);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->body_view));
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), frame);
  self->step_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->step_error, 0);
  gtk_label_set_wrap (self->step_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->step_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->step_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->step_error));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  return group;
}

static void
tenure_scenario_designer_dispose (GObject *object)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (tenure_scenario_designer_parent_class)->dispose (object);
}

static void
tenure_scenario_designer_finalize (GObject *object)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (object);

  g_clear_pointer (&self->scenario, tenure_scenario_free);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_strfreev);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->step_stats, g_array_unref);
  g_clear_object (&self->funnel_group);

  G_OBJECT_CLASS (tenure_scenario_designer_parent_class)->finalize (object);
}

static void
tenure_scenario_designer_class_init (TenureScenarioDesignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_scenario_designer_dispose;
  object_class->finalize = tenure_scenario_designer_finalize;

  /**
   * TenureScenarioDesigner::toast:
   * @message: what to tell the user
   * @offer_undo: whether the toast offers to undo the last edit
   */
  signals [TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "designer.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "designer.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "designer.delete-step", NULL,
                                   delete_step_action);
  gtk_widget_class_install_action (widget_class, "designer.add-step", NULL, add_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "designer.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "designer.move-down", NULL);
}

static void
tenure_scenario_designer_init (TenureScenarioDesigner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group;
  GtkWidget *card;
  GtkWidget *caption;
  GtkWidget *button;
  GtkWidget *content;

  self->rows = g_array_new (FALSE, TRUE, sizeof (RowInfo));
  self->funnel_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  /* The timeline, in a card. */
  group = group_new (_("Timeline"),
                     _("When each step happens after enrolment: filled dots are required "
                       "steps, hollow dots optional ones."));
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  self->timeline = tenure_scenario_timeline_new ();
  gtk_widget_set_margin_top (self->timeline, 12);
  gtk_widget_set_margin_bottom (self->timeline, 12);
  gtk_widget_set_margin_start (self->timeline, 12);
  gtk_widget_set_margin_end (self->timeline, 12);
  gtk_box_append (GTK_BOX (card), self->timeline);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
  gtk_box_append (GTK_BOX (box), group);

  /* The steps with their funnel. */
  group = group_new (_("Steps"), NULL);
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Step"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.add-step");
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  caption = gtk_label_new (NULL);
  self->funnel_caption = GTK_LABEL (caption);
  gtk_label_set_wrap (self->funnel_caption, TRUE);
  gtk_label_set_xalign (self->funnel_caption, 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_bottom (caption, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), caption);
  self->steps_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->steps_list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->steps_list), "boxed-list");
  g_signal_connect_swapped (self->steps_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->steps_list));
  gtk_box_append (GTK_BOX (box), group);

  gtk_box_append (GTK_BOX (box), build_step_group (self));
  gtk_box_append (GTK_BOX (box), build_scenario_group (self));

  adw_bin_set_child (ADW_BIN (self), box);
  refresh (self);
}

GtkWidget *
tenure_scenario_designer_new (void)
{
  return g_object_new (TENURE_TYPE_SCENARIO_DESIGNER, NULL);
}

/* The editor edits go through; NULL makes the designer read-only. */
void
tenure_scenario_designer_set_editor (TenureScenarioDesigner *self,
                                     TenureScenarioEditor   *editor)
{
  GtkWidget *edit_widgets[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->description_row),
    GTK_WIDGET (self->job_row), GTK_WIDGET (self->segment_row),
    GTK_WIDGET (self->active_switch), GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->kind_row), GTK_WIDGET (self->day_spin),
    GTK_WIDGET (self->required_switch), GTK_WIDGET (self->event_dropdown),
    GTK_WIDGET (self->done_job_dropdown),
  };

  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  g_set_object (&self->editor, editor);
  for (guint i = 0; i < G_N_ELEMENTS (edit_widgets); i++)
    gtk_widget_set_sensitive (edit_widgets[i], editor != NULL);
  gtk_text_view_set_editable (self->body_view, editor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.move-up", editor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.move-down", editor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.delete-step", editor != NULL);
  refresh (self);
}

/* The jobs (TenureScenarioJob) and segments the pickers offer. */
void
tenure_scenario_designer_set_choices (TenureScenarioDesigner *self,
                                      GPtrArray              *jobs,
                                      const char * const     *segments)
{
  guint n;

  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  self->updating++;

  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  self->jobs = jobs != NULL ? g_ptr_array_ref (jobs) : NULL;
  g_clear_pointer (&self->segments, g_strfreev);
  self->segments = g_strdupv ((char **) segments);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->job_model));
  gtk_string_list_splice (self->job_model, 0, n, NULL);
  gtk_string_list_append (self->job_model, _("None"));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->done_job_model));
  gtk_string_list_splice (self->done_job_model, 0, n, NULL);
  gtk_string_list_append (self->done_job_model, _("Any job"));
  for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
    {
      TenureScenarioJob *job = g_ptr_array_index (self->jobs, i);

      gtk_string_list_append (self->job_model, job->name);
      gtk_string_list_append (self->done_job_model, job->name);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->segment_model));
  gtk_string_list_splice (self->segment_model, 0, n, NULL);
  gtk_string_list_append (self->segment_model, _("By hand"));
  for (guint i = 0; self->segments != NULL && self->segments[i] != NULL; i++)
    {
      /* Translators: automatic enrolment of the new customers of a segment */
      g_autofree char *label = g_strdup_printf (_("New %s customers"), self->segments[i]);

      gtk_string_list_append (self->segment_model, label);
    }

  self->updating--;
  refresh (self);
}

/* Shows @scenario (taking it), keeping the selected step when it is still there. */
void
tenure_scenario_designer_set_scenario (TenureScenarioDesigner *self,
                                       TenureScenario         *scenario)
{
  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  if (self->scenario != NULL && (scenario == NULL || scenario->id != self->scenario->id))
    self->selected_step = 0;
  g_clear_pointer (&self->scenario, tenure_scenario_free);
  self->scenario = scenario;
  refresh (self);
}

gint64
tenure_scenario_designer_get_scenario_id (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), 0);

  return self->scenario != NULL ? self->scenario->id : 0;
}

guint
tenure_scenario_designer_get_n_rows (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), 0);

  return self->rows->len;
}

gint64
tenure_scenario_designer_get_row_step_id (TenureScenarioDesigner *self,
                                          guint                   index)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);

  return g_array_index (self->rows, RowInfo, index).step_id;
}

/* The value of the row's funnel bar: NAN when the row shows "—". */
double
tenure_scenario_designer_get_row_done_pct (TenureScenarioDesigner *self,
                                           guint                   index)
{
  RowInfo *info;

  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NAN);
  g_return_val_if_fail (index < self->rows->len, NAN);

  info = &g_array_index (self->rows, RowInfo, index);
  if (isnan (info->done_pct))
    return NAN;

  return gtk_level_bar_get_value (GTK_LEVEL_BAR (info->level_bar));
}

const char *
tenure_scenario_designer_get_row_done_text (TenureScenarioDesigner *self,
                                            guint                   index)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_label_get_text (GTK_LABEL (g_array_index (self->rows, RowInfo, index).done_label));
}

const char *
tenure_scenario_designer_get_row_drop_text (TenureScenarioDesigner *self,
                                            guint                   index)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_label_get_text (GTK_LABEL (g_array_index (self->rows, RowInfo, index).drop_label));
}

void
tenure_scenario_designer_select_row (TenureScenarioDesigner *self,
                                     guint                   index)
{
  GtkListBoxRow *row;

  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  row = gtk_list_box_get_row_at_index (self->steps_list, index);
  g_return_if_fail (row != NULL);
  gtk_list_box_select_row (self->steps_list, row);
}

GtkEditable *
tenure_scenario_designer_get_title_entry (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return GTK_EDITABLE (self->title_row);
}

GtkSwitch *
tenure_scenario_designer_get_required_switch (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->required_switch;
}

GtkWidget *
tenure_scenario_designer_get_timeline (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->timeline;
}

GtkListBox *
tenure_scenario_designer_get_steps_list (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->steps_list;
}
