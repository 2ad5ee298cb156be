/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Jobs & activation page: how fast new accounts complete their jobs, and what it predicts. */

#define G_LOG_DOMAIN "tenure-jobs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-bar-chart.h"
#include "tenure-date.h"
#include "tenure-jobs-page.h"
#include "tenure-line-chart.h"
#include "tenure-metrics-groups.h"

#define N_MONTHS 13
#define JOB_DAYS 30

struct _TenureJobsPage
{
  TenurePage     parent_instance;

  TenureChart   *activation_chart;
  GtkLabel      *buckets_label;
  AdwStatusPage *error_page;
  TenureChart   *jobs_chart;
  GtkLabel      *jobs_label;
  GtkLabel      *reached_detail;
  GtkLabel      *reached_value;
  TenureChart   *retention_chart;
  GtkLabel      *retention_label;
  GtkLabel      *signal_detail;
  GtkLabel      *signal_value;
  GtkStack      *stack;
  GtkLabel      *summary_label;
  GtkLabel      *taj_detail;
  GtkLabel      *taj_value;
  GtkLabel      *ttfv_detail;
  GtkLabel      *ttfv_value;
  TenureChart   *ttfv_chart;
};

G_DEFINE_FINAL_TYPE (TenureJobsPage, tenure_jobs_page, TENURE_TYPE_PAGE)

typedef struct
{
  TenureMetrics *metrics;
  GPtrArray     *jobs;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->metrics, tenure_metrics_free);
  g_clear_pointer (&result->jobs, g_ptr_array_unref);
  g_free (result);
}

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

static char *
format_percent (double value)
{
  if (tenure_metrics_is_null (value))
    return NULL;
  return tenure_format_percent (value, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static char *
format_days (double value)
{
  if (tenure_metrics_is_null (value))
    return NULL;
  return tenure_format_value (value, TENURE_UNIT_DAYS, NULL, TENURE_FORMAT_NONE,
                              TENURE_LANGUAGE_DEFAULT);
}

static gpointer
load_figures (TenureDb             *db,
              const TenurePageLoad *load,
              GCancellable         *cancellable,
              GError              **error)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->metrics = tenure_metrics_compute_with_series (db, load->month, N_MONTHS, &load->filter,
                                                        NULL, NULL, cancellable, error);
  if (result->metrics != NULL)
    result->jobs = tenure_metrics_job_completions (db, load->month, JOB_DAYS, &load->filter,
                                                   cancellable, error);
  if (result->jobs == NULL)
    g_clear_pointer (&result, load_result_free);

  return result;
}

static void
show_figures (TenureJobsPage      *self,
              const TenureMetrics *metrics)
{
  const TenureMonthFigures *f = &metrics->figures;
  guint new_accounts = f->taj_bucket_0 + f->taj_bucket_1_3 + f->taj_bucket_4_plus;
  g_autofree char *taj = format_percent (f->taj_4_plus_pct);
  g_autofree char *signal = format_percent (f->signal48h_pct);
  g_autofree char *ttfv = format_days (f->ttfv_median_days);
  g_autofree char *reached = format_percent (f->ttfv_reached_pct);
  g_autofree char *taj_detail = NULL;

  /* Translators: %u is a number of new accounts */
  taj_detail = g_strdup_printf (ngettext ("Of %u new account of the 3 months before this one: "
                                          "jobs completed in their first 30 days",
                                          "Of %u new accounts of the 3 months before this one: "
                                          "jobs completed in their first 30 days",
                                          new_accounts),
                                new_accounts);
  set_figure (self->taj_value, self->taj_detail, taj, taj_detail,
              _("No account signed up in the 3 months before this one"));
  set_figure (self->signal_value, self->signal_detail, signal,
              _("New accounts of the month that used the product within 48 hours of signing up"),
              _("No account signed up this month"));
  set_figure (self->ttfv_value, self->ttfv_detail, ttfv,
              _("Days from signup to the first completed job, for the new accounts of the "
                "last 3 months"),
              _("No new account of the last 3 months completed a job within 90 days"));
  set_figure (self->reached_value, self->reached_detail, reached,
              _("New accounts of the last 3 months that completed a job within 90 days"),
              _("No account signed up in the last 3 months"));
}

static void
show_retention (TenureJobsPage      *self,
                const TenureMetrics *metrics)
{
  const TenureMonthFigures *f = &metrics->figures;
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  const char *buckets[] = { N_("No job"), N_("1 to 3 jobs"), N_("4 jobs or more") };
  g_autofree char *best = format_percent (metrics->taj_retention12_pct[2]);
  g_autofree char *headline = NULL;
  g_autofree char *counts = NULL;
  guint series;

  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    tenure_chart_data_add_category (data, _(buckets[i]));
  series = tenure_chart_data_add_series (data, _("Still paying a year later"),
                                         TENURE_CHART_COLOR_GREEN);
  tenure_chart_data_set_values (data, series, metrics->taj_retention12_pct, 3);
  tenure_chart_set_data (self->retention_chart, data);

  if (best != NULL)
    /* Translators: %s is a percentage such as "76.0 %" */
    headline = g_strdup_printf (_("Accounts that completed 4 or more jobs in their first month: "
                                  "%s still paying a year later"), best);
  else
    headline = g_strdup (_("No account with 4 or more jobs in its first month signed up a year "
                           "ago or more"));
  gtk_label_set_label (self->retention_label, headline);

  /* Translators: three numbers of new accounts */
  counts = g_strdup_printf (_("TAJ is the number of jobs an account completed in the first 30 "
                              "days after signup. New accounts of the 3 months before this one: "
                              "%u with no job, %u with 1 to 3, %u with 4 or more."),
                            f->taj_bucket_0, f->taj_bucket_1_3, f->taj_bucket_4_plus);
  gtk_label_set_label (self->buckets_label, counts);
}

static void
show_trends (TenureJobsPage      *self,
             const TenureMetrics *metrics)
{
  const TenureMetricsSeries *s = metrics->series;
  g_autoptr(TenureChartData) activation = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  g_autoptr(TenureChartData) ttfv = tenure_chart_data_new (TENURE_UNIT_DAYS);
  g_autofree double *signal = g_new (double, s->n_months);
  g_autofree double *reached = g_new (double, s->n_months);
  g_autofree double *median = g_new (double, s->n_months);
  guint signal_series, reached_series, median_series;

  for (guint i = 0; i < s->n_months; i++)
    {
      signal[i] = s->months[i].signal48h_pct;
      reached[i] = s->months[i].ttfv_reached_pct;
      median[i] = s->months[i].ttfv_median_days;
    }

  tenure_chart_data_add_months (activation, s->first_month, s->n_months, TENURE_LANGUAGE_DEFAULT);
  signal_series = tenure_chart_data_add_series (activation, _("48-hour signal"),
                                                TENURE_CHART_COLOR_BLUE);
  tenure_chart_data_set_values (activation, signal_series, signal, s->n_months);
  reached_series = tenure_chart_data_add_series (activation, _("First value within 90 days"),
                                                 TENURE_CHART_COLOR_GREEN);
  tenure_chart_data_set_values (activation, reached_series, reached, s->n_months);
  tenure_chart_set_data (self->activation_chart, activation);

  tenure_chart_data_add_months (ttfv, s->first_month, s->n_months, TENURE_LANGUAGE_DEFAULT);
  median_series = tenure_chart_data_add_series (ttfv, _("Median time to first value"),
                                                TENURE_CHART_COLOR_PURPLE);
  tenure_chart_data_set_values (ttfv, median_series, median, s->n_months);
  tenure_chart_set_data (self->ttfv_chart, ttfv);
}

static void
show_jobs (TenureJobsPage *self,
           GPtrArray      *jobs,
           int             month)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_COUNT);
  g_autofree char *month_name = tenure_format_month (month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *caption = NULL;
  guint series;
  guint total = 0;

  series = tenure_chart_data_add_series (data, _("Completions"), TENURE_CHART_COLOR_BLUE);
  for (guint i = 0; i < jobs->len; i++)
    {
      const TenureJobCompletions *job = g_ptr_array_index (jobs, i);
      guint category = tenure_chart_data_add_category (data, job->name);

      tenure_chart_data_set_value (data, series, category, job->completions);
      total += job->completions;
    }
  tenure_chart_set_data (self->jobs_chart, data);

  /* Translators: %u is a number of completed jobs, %s the month such as "Oct 2026" */
  caption = g_strdup_printf (ngettext ("%u job completed in the last 30 days of "
                                       "%s. A job is the task customers bought the product for.",
                                       "%u jobs completed in the last 30 days of "
                                       "%s. A job is the task customers bought the product for.",
                                       total),
                             total, month_name);
  gtk_label_set_label (self->jobs_label, caption);
}

static gboolean
has_activity (const TenureMetrics *metrics,
              GPtrArray           *jobs)
{
  const TenureMetricsSeries *s = metrics->series;

  for (guint i = 0; i < s->n_months; i++)
    if (s->months[i].signups > 0 || s->months[i].taj_bucket_0 + s->months[i].taj_bucket_1_3 +
                                    s->months[i].taj_bucket_4_plus > 0)
      return TRUE;

  for (guint i = 0; i < jobs->len; i++)
    if (((TenureJobCompletions *) g_ptr_array_index (jobs, i))->completions > 0)
      return TRUE;

  return FALSE;
}

static void
loaded_cb (TenurePage           *page,
           const TenurePageLoad *load,
           gpointer              result,
           const GError         *error)
{
  TenureJobsPage *self = TENURE_JOBS_PAGE (page);
  const LoadResult *loaded = result;

  if (error != NULL)
    tenure_page_show_error (self->stack, self->error_page, error);
  else if (!has_activity (loaded->metrics, loaded->jobs))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      g_autofree char *summary = tenure_page_format_summary (load);

      gtk_label_set_label (self->summary_label, summary);
      show_figures (self, loaded->metrics);
      show_retention (self, loaded->metrics);
      show_trends (self, loaded->metrics);
      show_jobs (self, loaded->jobs, load->month);
      gtk_stack_set_visible_child_name (self->stack, "content");
    }
}

static void
tenure_jobs_page_reload (TenurePage *page)
{
  tenure_page_load_in_thread (page, load_figures, NULL, NULL, load_result_free, loaded_cb);
}

static void
tenure_jobs_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_JOBS_PAGE);

  G_OBJECT_CLASS (tenure_jobs_page_parent_class)->dispose (object);
}

static void
tenure_jobs_page_class_init (TenureJobsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_jobs_page_dispose;

  page_class->reload = tenure_jobs_page_reload;

  g_type_ensure (TENURE_TYPE_BAR_CHART);
  g_type_ensure (TENURE_TYPE_LINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-jobs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, activation_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, buckets_label);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, jobs_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, jobs_label);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, reached_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, reached_value);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, retention_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, retention_label);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, signal_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, signal_value);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, taj_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, taj_value);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, ttfv_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, ttfv_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureJobsPage, ttfv_value);
}

static void
tenure_jobs_page_init (TenureJobsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tenure_chart_set_title (self->retention_chart,
                          _("Still paying a year later, by jobs completed in the first month"));
  tenure_chart_set_empty_text (self->retention_chart,
                               _("No account signed up a year ago or more"));
  tenure_chart_set_title (self->activation_chart, _("Activation of new accounts"));
  tenure_chart_set_y_title (self->activation_chart, _("Share of new accounts"));
  tenure_chart_set_empty_text (self->activation_chart, _("No account signed up in these months"));
  tenure_chart_set_title (self->ttfv_chart, _("Median time to first value"));
  tenure_chart_set_y_title (self->ttfv_chart, _("Days"));
  tenure_chart_set_empty_text (self->ttfv_chart,
                               _("No new account completed a job within 90 days"));
  tenure_chart_set_title (self->jobs_chart, _("Jobs completed in the last 30 days"));
  tenure_chart_set_empty_text (self->jobs_chart, _("No job is defined in this workspace"));
}
