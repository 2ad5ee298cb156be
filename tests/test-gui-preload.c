/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preloading on the demo company: once the Overview is ready the hidden pages load their
 * figures in the background, one at a time, so that showing one starts no load; a month
 * change makes them out of date until preloaded again; closing the window mid-preload is
 * clean. */

#include "config.h"

#include <adwaita.h>

#include "tenure-application.h"
#include "tenure-dashboard.h"
#include "tenure-demo.h"
#include "tenure-format.h"
#include "tenure-kpi-card.h"
#include "tenure-metrics.h"
#include "tenure-overview-page.h"
#include "tenure-revenue-page.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

static gboolean
window_settled (gpointer data)
{
  return tenure_window_get_settled (data);
}

/* Opens the demo company and waits for the Overview, then for the window to settle. */
static TenureWindow *
open_demo (void)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);

  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));
  wait_for (page_ready, tenure_window_get_visible_page (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages_stack), ==, "overview");

  return window;
}

static TenurePage *
get_page (TenureWindow *window,
          const char   *name)
{
  return TENURE_PAGE (gtk_stack_get_child_by_name (window->pages_stack, name));
}

/* The core's figures of @month for the whole demo company, as the pages ask for them. */
static TenureMetrics *
compute (int month)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureMetrics *metrics;

  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  metrics = tenure_metrics_compute_with_series (db, month, TENURE_DASHBOARD_MONTHS, NULL, NULL,
                                                NULL, NULL, &error);
  g_assert_no_error (error);

  return metrics;
}

/* The MRR as the Revenue page's table writes it ("€701.5k"), and the Overview's card. */
static char *
compact_mrr (const TenureMetrics *metrics)
{
  return tenure_format_money_compact ((double) metrics->figures.mrr_cents, metrics->currency,
                                      1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static char *
card_mrr (const TenureMetrics *metrics)
{
  return tenure_format_money (metrics->figures.mrr_cents, metrics->currency,
                              TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static const char *
overview_mrr (TenurePage *page)
{
  GtkWidget *card = tenure_overview_page_get_card (TENURE_OVERVIEW_PAGE (page),
                                                   TENURE_OVERVIEW_MRR);

  return tenure_kpi_card_get_value (TENURE_KPI_CARD (card));
}

/* What the pages of the window did while the test watched them. */
typedef struct
{
  TenureWindow *window;
  guint         busy;          /* loads started by @page */
  guint         ready;         /* ready signals of @page */
  guint         overlaps;      /* a hidden page began loading while another one did, or
                                * while the page shown did */
  guint         all_busy;      /* loads started by any page */
  TenurePage   *page;
} Watch;

static void
busy_cb (TenurePage *page,
         GParamSpec *pspec,
         Watch      *watch)
{
  TenurePage *visible = tenure_window_get_visible_page (watch->window);

  if (!tenure_page_get_busy (page))
    return;

  watch->all_busy++;
  if (page == watch->page)
    watch->busy++;

  if (page == visible)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (watch->window->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != GTK_WIDGET (page) && tenure_page_get_busy (TENURE_PAGE (child)))
      watch->overlaps++;
}

static void
ready_cb (TenurePage *page,
          Watch      *watch)
{
  watch->ready++;
}

static void
watch_pages (Watch        *watch,
             TenureWindow *window,
             TenurePage   *page)
{
  watch->window = window;
  watch->page = page;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "notify::busy", G_CALLBACK (busy_cb), watch);
  g_signal_connect (page, "ready", G_CALLBACK (ready_cb), watch);
}

static void
unwatch_pages (Watch *watch)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (watch->window->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_signal_handlers_disconnect_by_data (child, watch);
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
hidden_page_busy (gpointer data)
{
  TenureWindow *window = data;
  TenurePage *visible = tenure_window_get_visible_page (window);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != GTK_WIDGET (visible) && tenure_page_get_busy (TENURE_PAGE (child)))
      return TRUE;

  return FALSE;
}

static void
test_hidden_pages (void)
{
  TenureWindow *window = open_demo ();
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  int month = tenure_workspace_get_month (workspace);
  g_autoptr(TenureMetrics) metrics = compute (month);
  g_autoptr(TenureMetrics) before = compute (month - 1);
  g_autoptr(TenureMetrics) two_before = compute (month - 2);
  g_autofree char *revenue_mrr = compact_mrr (metrics);
  g_autofree char *revenue_month = tenure_format_month (month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *before_mrr = card_mrr (before);
  g_autofree char *two_before_mrr = card_mrr (two_before);
  TenurePage *overview = tenure_window_get_visible_page (window);
  TenurePage *revenue = get_page (window, "revenue");
  TenurePage *accounts = get_page (window, "accounts");
  Watch watch = { 0 };

  /* Revenue and Accounts load in the background, one hidden page at a time. */
  watch_pages (&watch, window, revenue);
  g_assert_false (tenure_page_is_ready (revenue));
  wait_for (window_settled, window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (revenue)));
  g_assert_true (tenure_page_is_ready (revenue));
  g_assert_true (tenure_page_is_ready (accounts));
  g_assert_false (tenure_page_needs_reload (revenue));
  g_assert_cmpint (tenure_page_get_load_time (revenue), >, 0);
  g_assert_cmpuint (watch.busy, ==, 1);
  g_assert_cmpuint (watch.ready, ==, 1);
  g_assert_cmpuint (watch.overlaps, ==, 0);

  /* Settled, the window stays idle: the pages' own connections (the editors' among them)
   * change nothing the workspace watch (every 1.5 s) would take for an edit. */
  watch.all_busy = 0;
  run_for (3500);
  g_assert_cmpuint (watch.all_busy, ==, 0);
  g_assert_true (tenure_window_get_settled (window));

  /* It shows the core's figures of the month. */
  g_assert_cmpstr (tenure_revenue_page_get_cell (TENURE_REVENUE_PAGE (revenue), 1, 0), ==,
                   revenue_month);
  g_assert_cmpstr (tenure_revenue_page_get_cell (TENURE_REVENUE_PAGE (revenue), 1, 1), ==,
                   revenue_mrr);

  /* Shown, it is ready at once and starts no load. */
  tenure_window_show_page (window, "revenue");
  g_assert_true (tenure_window_get_visible_page (window) == revenue);
  g_assert_true (tenure_page_is_ready (revenue));
  wait_for (widget_mapped, revenue);
  test_settle (GTK_WIDGET (window), 3);
  g_assert_true (tenure_page_is_ready (revenue));
  g_assert_cmpuint (watch.busy, ==, 1);
  g_assert_cmpuint (watch.ready, ==, 1);
  unwatch_pages (&watch);

  /* A month change: the page shown reloads first; the hidden Overview is out of date
   * until the window preloads it again. */
  watch = (Watch) { 0 };
  watch_pages (&watch, window, overview);
  tenure_workspace_set_month (workspace, month - 1);
  g_assert_false (tenure_page_is_ready (overview));
  g_assert_true (tenure_page_needs_reload (overview));
  wait_for (page_ready, revenue);
  g_assert_false (tenure_page_is_ready (overview));
  g_assert_cmpuint (watch.busy, ==, 0);
  g_assert_false (tenure_window_get_settled (window));

  /* Another change while a hidden page preloads: that load is cancelled (it never ends
   * with "ready"), and the Overview shows the last month chosen. */
  wait_for (hidden_page_busy, window);
  tenure_workspace_set_month (workspace, month - 2);
  g_assert_false (hidden_page_busy (window));
  wait_for (window_settled, window);
  g_assert_true (tenure_page_is_ready (overview));
  g_assert_cmpuint (watch.ready, ==, 1);
  g_assert_cmpuint (watch.overlaps, ==, 0);
  g_assert_cmpstr (overview_mrr (overview), ==, two_before_mrr);
  g_assert_cmpstr (overview_mrr (overview), !=, before_mrr);
  unwatch_pages (&watch);

  close_window (window);
}

/* Closing the window while a page preloads: the load is dropped, without "ready" or a
 * warning (G_DEBUG=fatal-warnings), and the page is finalized once its worker is done. */
static void
test_close_during_preload (void)
{
  TenureWindow *window = open_demo ();
  TenurePage *preloading = NULL;
  gpointer weak = NULL;
  Watch watch = { 0 };

  wait_for (hidden_page_busy, window);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->pages_stack));
       child != NULL && preloading == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tenure_page_get_busy (TENURE_PAGE (child)))
      preloading = TENURE_PAGE (child);
  g_assert_nonnull (preloading);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preloading)));

  g_signal_connect (preloading, "ready", G_CALLBACK (ready_cb), &watch);
  weak = preloading;
  g_object_add_weak_pointer (G_OBJECT (preloading), &weak);

  close_window (window);
  wait_for (pointer_cleared, &weak);
  g_assert_cmpuint (watch.ready, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  /* The demo company of the welcome page: 600 accounts over 36 months to last month. */
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", NULL);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/preload/hidden-pages", test_hidden_pages);
  g_test_add_func ("/gui/preload/close-during-preload", test_close_during_preload);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
