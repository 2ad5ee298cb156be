/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Satisfaction page: NPS and loyalty surveys month by month, and the split of the month. */

#define G_LOG_DOMAIN "tenure-satisfaction-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-column-chart.h"
#include "tenure-date.h"
#include "tenure-line-chart.h"
#include "tenure-metrics-groups.h"
#include "tenure-satisfaction-page.h"
#include "tenure-format.h"

#define N_MONTHS 13

struct _TenureSatisfactionPage
{
  TenurePage     parent_instance;

  GtkLabel      *cli_detail;
  GtkLabel      *cli_value;
  AdwStatusPage *error_page;
  GtkLabel      *nps_detail;
  GtkLabel      *nps_value;
  TenureChart   *scores_chart;
  TenureChart   *split_chart;
  GtkGrid       *split_grid;
  GtkStack      *stack;
  GtkLabel      *summary_label;
};

G_DEFINE_FINAL_TYPE (TenureSatisfactionPage, tenure_satisfaction_page, TENURE_TYPE_PAGE)

/* Shows @text in the figure's labels, or "—" with @why as its tooltip. */
static void
set_figure (GtkLabel   *value,
            GtkLabel   *detail,
            const char *text,
            const char *explanation,
            const char *why)
{
  gtk_label_set_label (value, text != NULL ? text : "—");
  gtk_widget_set_tooltip_text (GTK_WIDGET (value), text != NULL ? explanation : why);
  gtk_label_set_label (detail, text != NULL ? explanation : why);
}

/* A score (NPS, CLI) with one decimal, or NULL when there is none. */
static char *
format_score (double value)
{
  if (tenure_metrics_is_null (value))
    return NULL;
  return tenure_format_number (value, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static gpointer
load_metrics (TenureDb             *db,
              const TenurePageLoad *load,
              GCancellable         *cancellable,
              GError              **error)
{
  return tenure_metrics_compute_with_series (db, load->month, N_MONTHS, &load->filter, NULL,
                                             NULL, cancellable, error);
}

static void
show_figures (TenureSatisfactionPage *self,
              const TenureMetrics    *metrics)
{
  const TenureMonthFigures *f = &metrics->figures;
  g_autofree char *nps = format_score (f->nps_score);
  g_autofree char *cli = format_score (f->cli_score);
  g_autofree char *nps_detail = NULL;
  g_autofree char *cli_detail = NULL;

  /* Translators: %u is a number of survey answers */
  nps_detail = g_strdup_printf (ngettext ("%u answer. Promoters minus detractors, from −100 "
                                          "to 100",
                                          "%u answers. Promoters minus detractors, from −100 "
                                          "to 100",
                                          f->nps_responses),
                                f->nps_responses);
  /* Translators: %u is a number of survey answers */
  cli_detail = g_strdup_printf (ngettext ("%u answer. The average rating out of 10, times 10",
                                          "%u answers. The average rating out of 10, times 10",
                                          f->cli_responses),
                                f->cli_responses);

  set_figure (self->nps_value, self->nps_detail, nps, nps_detail,
              _("No NPS answer this month"));
  set_figure (self->cli_value, self->cli_detail, cli, cli_detail,
              _("No loyalty survey answer this month"));
}

static void
show_scores (TenureSatisfactionPage *self,
             const TenureMetrics    *metrics)
{
  const TenureMetricsSeries *s = metrics->series;
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_COUNT);
  g_autofree double *nps = g_new (double, s->n_months);
  g_autofree double *cli = g_new (double, s->n_months);
  guint nps_series, cli_series;

  for (guint i = 0; i < s->n_months; i++)
    {
      nps[i] = s->months[i].nps_score;
      cli[i] = s->months[i].cli_score;
    }

  tenure_chart_data_add_months (data, s->first_month, s->n_months, TENURE_LANGUAGE_DEFAULT);
  nps_series = tenure_chart_data_add_series (data, _("Net promoter score"),
                                             TENURE_CHART_COLOR_BLUE);
  tenure_chart_data_set_values (data, nps_series, nps, s->n_months);
  cli_series = tenure_chart_data_add_series (data, _("Customer loyalty index"),
                                             TENURE_CHART_COLOR_ORANGE);
  tenure_chart_data_set_values (data, cli_series, cli, s->n_months);
  /* The axis spans the whole NPS scale, −100…100, so that a score reads against its
   * range: the lowest possible score is drawn as the reference line. */
  tenure_chart_data_set_target (data, -100, _("Lowest possible NPS"));
  tenure_chart_set_data (self->scores_chart, data);
}

static void
add_cell (GtkGrid    *grid,
          const char *text,
          int         column,
          int         row,
          gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_set_hexpand (label, column == 0);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
show_split (TenureSatisfactionPage *self,
            const TenureMetrics    *metrics)
{
  const TenureMetricsSeries *s = metrics->series;
  const TenureMonthFigures *f = &metrics->figures;
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_COUNT);
  const struct { const char *name; const char *scores; TenureChartColor color; } groups[] = {
    { N_("Promoters"), N_("9 or 10"), TENURE_CHART_COLOR_GREEN },
    { N_("Passives"), N_("7 or 8"), TENURE_CHART_COLOR_NEUTRAL },
    { N_("Detractors"), N_("0 to 6"), TENURE_CHART_COLOR_RED },
  };
  const guint counts[] = { f->nps_promoters, f->nps_passives, f->nps_detractors };
  GtkWidget *child;

  tenure_chart_data_add_months (data, s->first_month, s->n_months, TENURE_LANGUAGE_DEFAULT);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint series = tenure_chart_data_add_series (data, _(groups[g].name), groups[g].color);

      for (guint i = 0; i < s->n_months; i++)
        {
          const TenureMonthFigures *m = &s->months[i];
          guint count = g == 0 ? m->nps_promoters : g == 1 ? m->nps_passives : m->nps_detractors;

          /* A month without answers has no split, not a split of zeros. */
          tenure_chart_data_set_value (data, series, i, m->nps_responses > 0 ? count : NAN);
        }
    }
  tenure_chart_set_data (self->split_chart, data);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->split_grid))) != NULL)
    gtk_grid_remove (self->split_grid, child);

  add_cell (self->split_grid, _("This month"), 0, 0, TRUE);
  add_cell (self->split_grid, _("Answers"), 1, 0, TRUE);
  add_cell (self->split_grid, _("Share"), 2, 0, TRUE);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autofree char *name = NULL;
      g_autofree char *count = tenure_format_count (counts[g]);
      g_autofree char *share = NULL;

      /* Translators: a group of NPS answers and its scores, "Promoters (9 or 10)" */
      name = g_strdup_printf (_("%s (%s)"), _(groups[g].name), _(groups[g].scores));
      share = f->nps_responses > 0
        ? tenure_format_percent (100.0 * counts[g] / f->nps_responses, 1, TENURE_FORMAT_NONE,
                                 TENURE_LANGUAGE_DEFAULT)
        : g_strdup ("—");
      add_cell (self->split_grid, name, 0, (int) g + 1, FALSE);
      add_cell (self->split_grid, count, 1, (int) g + 1, FALSE);
      add_cell (self->split_grid, share, 2, (int) g + 1, FALSE);
    }
}

static gboolean
has_responses (const TenureMetrics *metrics)
{
  const TenureMetricsSeries *s = metrics->series;

  for (guint i = 0; i < s->n_months; i++)
    if (s->months[i].nps_responses + s->months[i].cli_responses > 0)
      return TRUE;

  return FALSE;
}

static void
loaded_cb (TenurePage           *page,
           const TenurePageLoad *load,
           gpointer              result,
           const GError         *error)
{
  TenureSatisfactionPage *self = TENURE_SATISFACTION_PAGE (page);
  const TenureMetrics *metrics = result;

  if (error != NULL)
    tenure_page_show_error (self->stack, self->error_page, error);
  else if (!has_responses (metrics))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      g_autofree char *summary = tenure_page_format_summary (load);

      gtk_label_set_label (self->summary_label, summary);
      show_figures (self, metrics);
      show_scores (self, metrics);
      show_split (self, metrics);
      gtk_stack_set_visible_child_name (self->stack, "content");
    }
}

static void
tenure_satisfaction_page_reload (TenurePage *page)
{
  tenure_page_load_in_thread (page, load_metrics, NULL, NULL,
                              (GDestroyNotify) tenure_metrics_free, loaded_cb);
}

static void
tenure_satisfaction_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_SATISFACTION_PAGE);

  G_OBJECT_CLASS (tenure_satisfaction_page_parent_class)->dispose (object);
}

static void
tenure_satisfaction_page_class_init (TenureSatisfactionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_satisfaction_page_dispose;

  page_class->reload = tenure_satisfaction_page_reload;

  g_type_ensure (TENURE_TYPE_COLUMN_CHART);
  g_type_ensure (TENURE_TYPE_LINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-satisfaction-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, cli_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, cli_value);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, nps_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, nps_value);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, scores_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, split_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, split_grid);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureSatisfactionPage, summary_label);
}

static void
tenure_satisfaction_page_init (TenureSatisfactionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tenure_chart_set_title (self->scores_chart, _("Net promoter score and loyalty index"));
  tenure_chart_set_y_title (self->scores_chart, _("Score"));
  tenure_chart_set_include_zero (self->scores_chart, TRUE);
  tenure_chart_set_empty_text (self->scores_chart, _("No survey answer in these months"));
  tenure_column_chart_set_stacked (TENURE_COLUMN_CHART (self->split_chart), TRUE);
  tenure_chart_set_title (self->split_chart, _("Promoters, passives and detractors"));
  tenure_chart_set_y_title (self->split_chart, _("Answers"));
  tenure_chart_set_empty_text (self->split_chart, _("No NPS answer in these months"));
}
