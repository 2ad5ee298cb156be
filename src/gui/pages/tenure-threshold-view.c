/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Simulation view of the Qualification page: what a score threshold would keep and cost.
 *
 * The slider runs over every score from the lowest to the highest of the audit's
 * population; the figures follow it live (tenure_audit_simulate), the chart shows kept %
 * and 12-month retention for every threshold with the current pick selected, and "Use
 * This Threshold" stores the pick for the report. */

#define G_LOG_DOMAIN "tenure-threshold-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-line-chart.h"
#include "tenure-threshold-view.h"

/* Beyond this many scores the chart shows every n-th only. */
#define MAX_CATEGORIES 60

struct _TenureThresholdView
{
  AdwBin             parent_instance;

  TenureChart       *chart;
  AdwStatusPage     *empty_page;
  GtkLabel          *kept_label;
  GtkLabel          *mrr_label;
  GtkLabel          *retention_all_label;
  GtkLabel          *retention_kept_label;
  GtkLabel          *saved_label;
  GtkScale          *scale;
  GtkStack          *stack;

  const TenureAudit *audit;          /* not owned: the page keeps it while shown */
  char              *currency;
  int                first;          /* the lowest threshold on the slider */
  int                last;
  guint              tick_id;
  guint              updating;
  gboolean           has_saved;
  int                saved;
};

G_DEFINE_FINAL_TYPE (TenureThresholdView, tenure_threshold_view, ADW_TYPE_BIN)

enum {
  THRESHOLD_PICKED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
format_percent (gboolean has_value,
                double   value)
{
  if (!has_value)
    return g_strdup ("—");

  return tenure_format_percent (value, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

/* The threshold the slider shows. */
int
tenure_threshold_view_get_threshold (TenureThresholdView *self)
{
  g_return_val_if_fail (TENURE_IS_THRESHOLD_VIEW (self), 0);

  return (int) lround (gtk_range_get_value (GTK_RANGE (self->scale)));
}

static void
update_saved (TenureThresholdView *self)
{
  g_autofree char *text = NULL;

  if (self->has_saved)
    text = g_strdup_printf (ngettext ("The report will use a threshold of %d point.",
                                      "The report will use a threshold of %d points.",
                                      (gulong) ABS (self->saved)), self->saved);
  else
    text = g_strdup (_("No threshold picked yet: the report will not judge signups by their "
                       "score."));

  gtk_label_set_text (self->saved_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "simulation.use-threshold",
                                 self->audit != NULL &&
                                 (!self->has_saved ||
                                  self->saved != tenure_threshold_view_get_threshold (self)));
}

/* Selects the pick in the chart once the chart has been drawn (it knows its points then). */
static gboolean
select_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  TenureThresholdView *self = TENURE_THRESHOLD_VIEW (user_data);
  int index = tenure_threshold_view_get_threshold (self) - self->first;

  tenure_chart_set_selected (self->chart, index);
  if (tenure_chart_get_selected (self->chart) != index)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
select_in_chart (TenureThresholdView *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->chart), select_tick_cb,
                                                  self, NULL);
}

static void
update_figures (TenureThresholdView *self)
{
  TenureThresholdRow row;
  g_autofree char *kept = NULL;
  g_autofree char *retention_kept = NULL;
  g_autofree char *retention_all = NULL;
  g_autofree char *mrr = NULL;

  if (self->audit == NULL)
    return;

  tenure_audit_simulate (self->audit, tenure_threshold_view_get_threshold (self), &row);
  kept = format_percent (row.has_kept_pct, row.kept_pct);
  retention_kept = format_percent (row.has_retention12_kept, row.retention12_kept_pct);
  retention_all = format_percent (row.has_retention12_all, row.retention12_all_pct);
  mrr = tenure_format_money (row.mrr_rejected_cents, self->currency, TENURE_FORMAT_NONE,
                             TENURE_LANGUAGE_DEFAULT);

  gtk_label_set_text (self->kept_label, kept);
  gtk_label_set_text (self->retention_kept_label, retention_kept);
  gtk_label_set_text (self->retention_all_label, retention_all);
  gtk_label_set_text (self->mrr_label, mrr);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->retention_kept_label),
                               row.has_retention12_kept
                               ? NULL
                               : _("No customer above the threshold signed up 12 months ago "
                                   "or more"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->retention_all_label),
                               row.has_retention12_all
                               ? NULL
                               : _("No customer of the audit signed up 12 months ago or more"));

  update_saved (self);
  select_in_chart (self);
}

static void
value_changed_cb (TenureThresholdView *self)
{
  double value = gtk_range_get_value (GTK_RANGE (self->scale));

  if (self->updating > 0)
    return;

  /* Whole points only, whether dragged or typed. */
  if (value != round (value))
    {
      gtk_range_set_value (GTK_RANGE (self->scale), round (value));
      return;
    }

  update_figures (self);
}

static char *
format_scale_value_cb (GtkScale *scale,
                       double    value,
                       gpointer  user_data)
{
  return g_strdup_printf (ngettext ("%d point", "%d points", (gulong) ABS (lround (value))),
                          (int) lround (value));
}

static void
use_threshold_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TenureThresholdView *self = TENURE_THRESHOLD_VIEW (widget);

  g_signal_emit (self, signals [THRESHOLD_PICKED], 0, tenure_threshold_view_get_threshold (self));
}

static void
update_chart (TenureThresholdView *self)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  guint kept, retention, retention_all;

  kept = tenure_chart_data_add_series (data, _("Signups kept"), TENURE_CHART_COLOR_BLUE);
  retention = tenure_chart_data_add_series (data, _("12-month retention of those kept"),
                                            TENURE_CHART_COLOR_GREEN);
  retention_all = tenure_chart_data_add_series (data, _("12-month retention of all"),
                                                TENURE_CHART_COLOR_NEUTRAL);
  tenure_chart_data_set_series_dashed (data, retention_all, TRUE);

  for (int threshold = self->first; threshold <= self->last; threshold++)
    {
      g_autofree char *label = g_strdup_printf ("%d", threshold);
      TenureThresholdRow row;
      guint category = tenure_chart_data_add_category (data, label);

      tenure_audit_simulate (self->audit, threshold, &row);
      tenure_chart_data_set_value (data, kept, category, row.has_kept_pct ? row.kept_pct : NAN);
      tenure_chart_data_set_value (data, retention, category,
                                   row.has_retention12_kept ? row.retention12_kept_pct : NAN);
      tenure_chart_data_set_value (data, retention_all, category,
                                   row.has_retention12_all ? row.retention12_all_pct : NAN);
    }

  tenure_chart_set_data (self->chart, data);
}

static void
tenure_threshold_view_dispose (GObject *object)
{
  TenureThresholdView *self = TENURE_THRESHOLD_VIEW (object);

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->chart), self->tick_id);
  self->tick_id = 0;
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_THRESHOLD_VIEW);
  g_clear_pointer (&self->currency, g_free);
  self->audit = NULL;

  G_OBJECT_CLASS (tenure_threshold_view_parent_class)->dispose (object);
}

static void
tenure_threshold_view_class_init (TenureThresholdViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_threshold_view_dispose;

  /**
   * TenureThresholdView::threshold-picked:
   * @threshold: the score the slider shows
   *
   * The manager wants the report to use @threshold: store it, then call
   * tenure_threshold_view_set_saved().
   */
  signals [THRESHOLD_PICKED] =
    g_signal_new ("threshold-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (TENURE_TYPE_LINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-threshold-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, chart);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, kept_label);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, mrr_label);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, retention_all_label);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, retention_kept_label);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, saved_label);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, scale);
  gtk_widget_class_bind_template_child (widget_class, TenureThresholdView, stack);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);

  gtk_widget_class_install_action (widget_class, "simulation.use-threshold", NULL,
                                   use_threshold_action);
}

static void
tenure_threshold_view_init (TenureThresholdView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_scale_set_format_value_func (self->scale, format_scale_value_cb, NULL, NULL);
  self->currency = g_strdup ("EUR");
}

/**
 * tenure_threshold_view_set_audit:
 * @audit: (nullable): the audit, kept by the caller while the view shows it
 * @has_saved: whether a threshold is stored in the workspace
 * @saved: the stored threshold; the slider starts there (else at the lowest score)
 *
 * Shows the simulation over @audit's population.
 */
void
tenure_threshold_view_set_audit (TenureThresholdView *self,
                                 const TenureAudit   *audit,
                                 const char          *currency,
                                 gboolean             has_saved,
                                 int                  saved)
{
  const TenureThresholdRow *lowest;
  const TenureThresholdRow *highest;
  int start;

  g_return_if_fail (TENURE_IS_THRESHOLD_VIEW (self));

  self->audit = audit;
  self->has_saved = has_saved;
  self->saved = saved;
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "EUR");

  if (audit == NULL || audit->population == 0 || audit->thresholds->len == 0)
    {
      self->audit = NULL;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_saved (self);
      return;
    }

  lowest = &g_array_index (audit->thresholds, TenureThresholdRow, 0);
  highest = &g_array_index (audit->thresholds, TenureThresholdRow, audit->thresholds->len - 1);
  self->first = lowest->threshold;
  self->last = MAX (highest->threshold, self->first + 1);
  if (self->last - self->first > MAX_CATEGORIES)
    self->last = self->first + MAX_CATEGORIES;

  start = has_saved ? CLAMP (saved, self->first, self->last) : self->first;
  self->updating++;
  gtk_range_set_range (GTK_RANGE (self->scale), self->first, self->last);
  gtk_range_set_value (GTK_RANGE (self->scale), start);
  self->updating--;

  gtk_scale_clear_marks (self->scale);
  gtk_scale_add_mark (self->scale, self->first, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (self->scale, self->last, GTK_POS_BOTTOM, NULL);
  if (has_saved && saved >= self->first && saved <= self->last)
    gtk_scale_add_mark (self->scale, saved, GTK_POS_BOTTOM, _("In the report"));

  update_chart (self);
  update_figures (self);
  gtk_stack_set_visible_child_name (self->stack, "simulation");
}

/* Moves the slider to @threshold, within the scores of the population. */
void
tenure_threshold_view_set_threshold (TenureThresholdView *self,
                                     int                  threshold)
{
  g_return_if_fail (TENURE_IS_THRESHOLD_VIEW (self));

  gtk_range_set_value (GTK_RANGE (self->scale), threshold);
}

/* Says which threshold the workspace stores now. */
void
tenure_threshold_view_set_saved (TenureThresholdView *self,
                                 gboolean             has_saved,
                                 int                  saved)
{
  g_return_if_fail (TENURE_IS_THRESHOLD_VIEW (self));

  self->has_saved = has_saved;
  self->saved = saved;
  gtk_scale_clear_marks (self->scale);
  if (self->audit != NULL)
    {
      gtk_scale_add_mark (self->scale, self->first, GTK_POS_BOTTOM, NULL);
      gtk_scale_add_mark (self->scale, self->last, GTK_POS_BOTTOM, NULL);
      if (has_saved && saved >= self->first && saved <= self->last)
        gtk_scale_add_mark (self->scale, saved, GTK_POS_BOTTOM, _("In the report"));
    }
  update_saved (self);
}

GtkScale *
tenure_threshold_view_get_scale (TenureThresholdView *self)
{
  g_return_val_if_fail (TENURE_IS_THRESHOLD_VIEW (self), NULL);

  return self->scale;
}

TenureChart *
tenure_threshold_view_get_chart (TenureThresholdView *self)
{
  g_return_val_if_fail (TENURE_IS_THRESHOLD_VIEW (self), NULL);

  return self->chart;
}

/* The figure shown for @figure: kept %, retention of those kept, of all, MRR rejected. */
const char *
tenure_threshold_view_get_figure (TenureThresholdView   *self,
                                  TenureThresholdFigure  figure)
{
  g_return_val_if_fail (TENURE_IS_THRESHOLD_VIEW (self), NULL);

  switch (figure)
    {
    case TENURE_THRESHOLD_FIGURE_KEPT:
      return gtk_label_get_text (self->kept_label);
    case TENURE_THRESHOLD_FIGURE_RETENTION_KEPT:
      return gtk_label_get_text (self->retention_kept_label);
    case TENURE_THRESHOLD_FIGURE_RETENTION_ALL:
      return gtk_label_get_text (self->retention_all_label);
    case TENURE_THRESHOLD_FIGURE_MRR_REJECTED:
      return gtk_label_get_text (self->mrr_label);
    case TENURE_THRESHOLD_FIGURE_SAVED:
      return gtk_label_get_text (self->saved_label);
    default:
      g_return_val_if_reached (NULL);
    }
}
