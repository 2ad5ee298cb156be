/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads the month's metrics and series in a worker thread for the dashboard pages. */

#define G_LOG_DOMAIN "tenure-dashboard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-dashboard.h"
#include "tenure-metrics-groups.h"

/* Identifies our GTasks (a function pointer is not a gpointer in ISO C). */
static char load_tag;

typedef struct
{
  TenureWorkspace *workspace;
  int              month;
  char            *filter;
  gboolean         with_health;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->workspace);
  g_free (load->filter);
  g_free (load);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(TenureDashboard) dashboard = g_new0 (TenureDashboard, 1);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  TenureFilter filter;

  tenure_filter_from_string (load->filter, &filter);

  db = tenure_workspace_open_db (load->workspace, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The health trend comes from the same read of the events as the metrics. */
  if (load->with_health)
    dashboard->metrics = tenure_metrics_compute_with_health_trend (db, load->month,
                                                                   TENURE_DASHBOARD_MONTHS,
                                                                   &filter, &dashboard->health,
                                                                   cancellable, &error);
  else
    dashboard->metrics = tenure_metrics_compute_with_series (db, load->month,
                                                             TENURE_DASHBOARD_MONTHS, &filter,
                                                             NULL, NULL, cancellable, &error);
  if (dashboard->metrics == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  dashboard->target_mrr_cents = TENURE_CENTS_NULL;
  target = tenure_db_get_setting (db, "target_mrr_cents", NULL);
  if (target != NULL)
    {
      gint64 cents;

      if (g_ascii_string_to_signed (target, 10, 0, G_MAXINT64, &cents, NULL))
        dashboard->target_mrr_cents = cents;
    }

  g_task_return_pointer (task, g_steal_pointer (&dashboard),
                         (GDestroyNotify) tenure_dashboard_free);
}

/**
 * tenure_dashboard_load_async:
 * @page: the page whose workspace, month and filter to load
 * @with_health: whether to add the health trend (13 months of health scores)
 *
 * Computes the page's month (and the series before it) in a worker thread with its own
 * read-only connection.
 */
void
tenure_dashboard_load_async (TenurePage          *page,
                             gboolean             with_health,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TenureWorkspace *workspace;
  LoadData *load;

  g_return_if_fail (TENURE_IS_PAGE (page));

  workspace = tenure_page_get_workspace (page);
  g_return_if_fail (workspace != NULL);

  load = g_new0 (LoadData, 1);
  load->workspace = g_object_ref (workspace);
  load->month = tenure_page_get_month (page);
  load->filter = g_strdup (tenure_workspace_get_filter (workspace));
  load->with_health = with_health;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, &load_tag);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_worker);
}

TenureDashboard *
tenure_dashboard_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &load_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  g_autoptr(TenurePage) page = g_weak_ref_get (user_data);
  GtkStack *stack;

  if (page == NULL || !tenure_page_get_busy (page))
    return G_SOURCE_REMOVE;

  stack = g_object_get_data (G_OBJECT (page), "tenure-dashboard-stack");
  if (stack != NULL)
    gtk_stack_set_visible_child_name (stack, "loading");

  return G_SOURCE_REMOVE;
}

/**
 * tenure_dashboard_show_loading:
 * @stack: the page's stack, with a "loading" child
 *
 * Shows the spinner if the page is still busy after a moment: a quick load (a month
 * change in a small workspace) keeps the figures on screen instead of flashing.
 */
void
tenure_dashboard_show_loading (TenurePage *page,
                               GtkStack   *stack)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, page);
  g_object_set_data (G_OBJECT (page), "tenure-dashboard-stack", stack);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "figures") != 0)
    gtk_stack_set_visible_child_name (stack, "loading");
  g_timeout_add_full (G_PRIORITY_DEFAULT, 200, show_loading_cb, ref, weak_ref_free);
}

/* A percentage with one decimal, or "—" when it is null. */
char *
tenure_dashboard_format_percent (double            percent,
                                 TenureFormatFlags flags)
{
  if (tenure_metrics_is_null (percent))
    return g_strdup ("—");

  return tenure_format_percent (percent, 1, flags, TENURE_LANGUAGE_DEFAULT);
}

/* Money without cents, or "—" when it is null. */
char *
tenure_dashboard_format_money (gint64             cents,
                               const char        *currency,
                               TenureFormatFlags  flags)
{
  if (cents == TENURE_CENTS_NULL)
    return g_strdup ("—");

  return tenure_format_money (cents, currency, flags, TENURE_LANGUAGE_DEFAULT);
}

/**
 * tenure_dashboard_trend:
 * @get: reads the figure of a month (NAN when it is null)
 *
 * The figure over the months of @metrics' series, as one series of chart data.
 *
 * Returns: (transfer full): the data
 */
TenureChartData *
tenure_dashboard_trend (const TenureMetrics  *metrics,
                        TenureUnit            unit,
                        const char           *name,
                        TenureChartColor      color,
                        TenureFigureGetter    get)
{
  const TenureMetricsSeries *series = metrics->series;
  TenureChartData *data = tenure_chart_data_new (unit);
  g_autofree double *values = g_new0 (double, MAX (series->n_months, 1));
  guint index;

  tenure_chart_data_set_currency (data, metrics->currency);
  tenure_chart_data_add_months (data, series->first_month, series->n_months,
                                TENURE_LANGUAGE_DEFAULT);
  index = tenure_chart_data_add_series (data, name, color);
  for (guint i = 0; i < series->n_months; i++)
    values[i] = get (&series->months[i]);
  tenure_chart_data_set_values (data, index, values, series->n_months);

  return data;
}

void
tenure_dashboard_free (TenureDashboard *dashboard)
{
  if (dashboard == NULL)
    return;

  g_clear_pointer (&dashboard->metrics, tenure_metrics_free);
  g_clear_pointer (&dashboard->health, tenure_health_trend_free);
  g_free (dashboard);
}

/* Dashboard pages */

/**
 * tenure_dashboard_page_dispose:
 *
 * The dispose of a dashboard page (a direct subclass of TenurePage with a template):
 * a page with more to free frees it, then calls this.
 */
void
tenure_dashboard_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));

  G_OBJECT_CLASS (g_type_class_peek (TENURE_TYPE_PAGE))->dispose (object);
}

/* Sets the page's template, its reload and tenure_dashboard_page_dispose(). */
void
tenure_dashboard_page_class_init (TenurePageClass  *page_class,
                                  const char       *resource,
                                  void            (*reload) (TenurePage *page))
{
  g_return_if_fail (g_type_parent (G_TYPE_FROM_CLASS (page_class)) == TENURE_TYPE_PAGE);

  G_OBJECT_CLASS (page_class)->dispose = tenure_dashboard_page_dispose;
  page_class->reload = reload;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (page_class), resource);
}

/**
 * tenure_dashboard_page_reload:
 * @callback: gets a reference to @page as its user data
 *
 * Starts loading the page's month: the spinner shows if it takes a moment.
 */
void
tenure_dashboard_page_reload (TenurePage          *page,
                              GtkStack            *stack,
                              gboolean             with_health,
                              GAsyncReadyCallback  callback)
{
  GCancellable *cancellable = tenure_page_begin_loading (page);

  tenure_dashboard_show_loading (page, stack);
  tenure_dashboard_load_async (page, with_health, cancellable, callback, g_object_ref (page));
}

/**
 * tenure_dashboard_page_finish:
 *
 * The dashboard a load gave the page, or NULL: when a newer load or the page's disposal
 * took over (the page must then do nothing), or when it failed (the page then shows
 * the error and is no longer loading).
 */
TenureDashboard *
tenure_dashboard_page_finish (TenurePage     *page,
                              GAsyncResult   *result,
                              GtkStack       *stack,
                              AdwStatusPage  *error_page)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(TenureDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;

  dashboard = tenure_dashboard_load_finish (result, &error);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  if (dashboard != NULL)
    return g_steal_pointer (&dashboard);

  markup = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (error_page, markup);
  gtk_stack_set_visible_child_name (stack, "error");
  tenure_page_end_loading (page, cancellable);

  return NULL;
}

/* Shows the figures the page filled, or the empty state of a workspace without data. */
void
tenure_dashboard_page_show (TenurePage   *page,
                            GAsyncResult *result,
                            GtkStack     *stack)
{
  gtk_stack_set_visible_child_name (stack,
                                    tenure_workspace_get_has_data (
                                      tenure_page_get_workspace (page))
                                      ? "figures" : "empty");
  tenure_page_end_loading (page, g_task_get_cancellable (G_TASK (result)));
}
