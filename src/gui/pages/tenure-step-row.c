/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The designer's step rows: kind icon, title, day and required, dragged to reorder, with
 * the measured funnel beside them (share done, median day, drop from the step before). */

#define G_LOG_DOMAIN "tenure-step-row"

#include "config.h"

#include "tenure-month-selector.h"
#include "tenure-scenario-designer-private.h"

static const char * const kind_icons[] = {
  "text-x-generic-symbolic",   /* content */
  "emblem-system-symbolic",    /* automation */
  "help-browser-symbolic",     /* tutorial */
  "call-start-symbolic",       /* check-in */
};

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

GtkWidget *
_tenure_step_row_new (TenureScenarioDesigner *self,
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

  gtk_widget_set_visible (GTK_WIDGET (self->funnel_caption),
                          self->scenario != NULL && self->scenario->steps->len > 0);
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

void
_tenure_scenario_designer_apply_stats (TenureScenarioDesigner *self)
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
  _tenure_scenario_designer_apply_stats (self);
}
