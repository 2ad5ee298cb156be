/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Jobs & activation, Satisfaction, Acquisition & value on the demo company: the figures
 * shown are the core's, the charts describe them, and screenshots in both styles and sizes. */

#include "config.h"

#include <adwaita.h>

#include "tenure-acquisition-page.h"
#include "tenure-application.h"
#include "tenure-chart.h"
#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-jobs-page.h"
#include "tenure-metrics-groups.h"
#include "tenure-satisfaction-page.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

static TenureWindow *
open_window_with (const char *path,
                  int         width,
                  int         height)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));

  return window;
}

static TenureWindow *
open_window (int width,
             int height)
{
  return open_window_with (demo_path, width, height);
}

/* Shows the page @name and waits until it shows its figures. */
static TenurePage *
show_page (TenureWindow *window,
           const char   *name,
           GType         type)
{
  TenurePage *page;

  tenure_window_show_page (window, name);
  page = tenure_window_get_visible_page (window);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, type));
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 2);

  return page;
}

static GtkWidget *
child (TenurePage *page,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (page), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
label_text (TenurePage *page,
            GType       type,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (page, type, name)));
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}

static void
assert_described (TenurePage *page,
                  GType       type,
                  const char *chart,
                  const char *figure)
{
  g_autofree char *description = NULL;

  description = tenure_chart_get_description (TENURE_CHART (child (page, type, chart)));
  assert_contains (description, figure);
}

static TenureMetrics *
core_metrics (TenureWorkspace *workspace,
              const char      *filter_text)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureMetrics *metrics;
  TenureFilter filter;

  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_filter_from_string (filter_text, &filter));
  metrics = tenure_metrics_compute (db, tenure_workspace_get_month (workspace), &filter, NULL,
                                    &error);
  g_assert_no_error (error);

  return metrics;
}

static char *
percent (double value)
{
  g_assert_false (tenure_metrics_is_null (value));
  return tenure_format_percent (value, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static void
check_jobs (TenurePage      *page,
            TenureWorkspace *workspace,
            const char      *filter)
{
  GType type = TENURE_TYPE_JOBS_PAGE;
  g_autoptr(TenureMetrics) metrics = core_metrics (workspace, filter);
  g_autofree char *taj = percent (metrics->figures.taj_4_plus_pct);
  g_autofree char *signal = percent (metrics->figures.signal48h_pct);
  g_autofree char *reached = percent (metrics->figures.ttfv_reached_pct);
  g_autofree char *retained = percent (metrics->taj_retention12_pct[2]);
  g_autofree char *ttfv = tenure_format_value (metrics->figures.ttfv_median_days,
                                               TENURE_UNIT_DAYS, NULL, TENURE_FORMAT_NONE,
                                               TENURE_LANGUAGE_DEFAULT);
  g_autoptr(TenureDb) db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, NULL);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  const TenureJobCompletions *top;
  g_autofree char *top_count = NULL;
  TenureFilter group;

  g_assert_cmpstr (label_text (page, type, "taj_value"), ==, taj);
  g_assert_cmpstr (label_text (page, type, "signal_value"), ==, signal);
  g_assert_cmpstr (label_text (page, type, "ttfv_value"), ==, ttfv);
  g_assert_cmpstr (label_text (page, type, "reached_value"), ==, reached);
  assert_contains (label_text (page, type, "retention_label"), retained);
  assert_described (page, type, "retention_chart", retained);

  /* The most completed job of the last 30 days, with its count. */
  tenure_filter_from_string (filter, &group);
  jobs = tenure_metrics_job_completions (db, metrics->month, 30, &group, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 5);
  top = g_ptr_array_index (jobs, 0);
  g_assert_cmpuint (top->completions, >, 0);
  top_count = g_strdup_printf ("%s: %u", top->name, top->completions);
  assert_described (page, type, "jobs_chart", top_count);
  assert_described (page, type, "activation_chart", signal);
}

static void
check_satisfaction (TenurePage      *page,
                    TenureWorkspace *workspace)
{
  GType type = TENURE_TYPE_SATISFACTION_PAGE;
  g_autoptr(TenureMetrics) metrics = core_metrics (workspace, "");
  const TenureMonthFigures *f = &metrics->figures;
  g_autofree char *nps = tenure_format_number (f->nps_score, 1, TENURE_FORMAT_NONE,
                                               TENURE_LANGUAGE_DEFAULT);
  g_autofree char *cli = tenure_format_number (f->cli_score, 1, TENURE_FORMAT_NONE,
                                               TENURE_LANGUAGE_DEFAULT);
  g_autofree char *nps_answers = g_strdup_printf ("%u answers.", f->nps_responses);
  g_autofree char *cli_answers = g_strdup_printf ("%u answers.", f->cli_responses);
  g_autofree char *nps_value = tenure_format_value (f->nps_score, TENURE_UNIT_COUNT, NULL,
                                                   TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *promoters = g_strdup_printf ("%u", f->nps_promoters);
  g_autofree char *share = percent (100.0 * f->nps_promoters / f->nps_responses);
  GtkGrid *grid = GTK_GRID (child (page, type, "split_grid"));

  g_assert_cmpuint (f->nps_responses, >, 0);
  g_assert_cmpstr (label_text (page, type, "nps_value"), ==, nps);
  g_assert_cmpstr (label_text (page, type, "cli_value"), ==, cli);
  g_assert_true (g_str_has_prefix (label_text (page, type, "nps_detail"), nps_answers));
  g_assert_true (g_str_has_prefix (label_text (page, type, "cli_detail"), cli_answers));
  assert_described (page, type, "scores_chart", nps_value);
  assert_described (page, type, "split_chart", promoters);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 1))), ==,
                   promoters);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==,
                   share);
}

/* The row of @name in a table whose first column names the rows. */
static int
find_row (GtkGrid    *grid,
          const char *name)
{
  for (int row = 1; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    {
      const char *text = gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, row)));
      g_auto(GStrv) lines = g_strsplit (text, "\n", 2);

      if (g_strcmp0 (lines[0], name) == 0)
        return row;
    }

  g_error ("no row %s", name);
}

static const char *
cell (GtkGrid *grid,
      int      column,
      int      row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, column, row)));
}

static void
check_acquisition (TenurePage      *page,
                   TenureWorkspace *workspace)
{
  GType type = TENURE_TYPE_ACQUISITION_PAGE;
  g_autoptr(TenureMetrics) metrics = core_metrics (workspace, "");
  g_autoptr(TenureMetrics) ads = core_metrics (workspace, "channel=ads");
  g_autoptr(TenureMetrics) smb = core_metrics (workspace, "segment=SMB");
  const TenureChannelFigures *ads_channel = tenure_metrics_get_channel (metrics, "ads");
  g_autofree char *clv = tenure_format_money (metrics->clv_cents, metrics->currency,
                                              TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *cac = tenure_format_money (ads_channel->cac_cents, metrics->currency,
                                              TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *spend = tenure_format_money (ads_channel->spend_cents, metrics->currency,
                                                TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *ads_clv = tenure_format_money (ads->clv_cents, metrics->currency,
                                                  TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *smb_clv = tenure_format_money (smb->clv_cents, metrics->currency,
                                                  TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *smb_nrr = percent (smb->figures.nrr_trailing12_pct);
  g_autofree char *smb_churn = percent (smb->avg_churn * 100);
  g_autofree char *ads_cac_text = NULL;
  g_autofree char *smb_customers = NULL;
  GtkGrid *channels = GTK_GRID (child (page, type, "channels_grid"));
  GtkGrid *segments = GTK_GRID (child (page, type, "segment_grid"));
  GtkGrid *by_channel = GTK_GRID (child (page, type, "channel_grid"));
  int row;

  g_assert_cmpstr (label_text (page, type, "clv_value"), ==, clv);

  /* The channel table: spend and CAC of "ads" are the core's. */
  row = find_row (channels, "ads");
  g_assert_cmpstr (cell (channels, 1, row), ==, spend);
  g_assert_cmpstr (cell (channels, 3, row), ==, cac);

  /* Value against cost: ads' own CLV (its customers' ARPA and churn) and its CAC. */
  ads_cac_text = g_strdup_printf ("ads: Lifetime value %s, Acquisition cost %s", ads_clv, cac);
  assert_described (page, type, "value_chart", ads_cac_text);

  /* Side by side: SMB's figures are those of the dashboard filtered on SMB. */
  row = find_row (segments, "SMB");
  g_assert_cmpstr (cell (segments, 2, row), ==, smb_nrr);
  g_assert_cmpstr (cell (segments, 3, row), ==, smb_churn);
  g_assert_cmpstr (cell (segments, 4, row), ==, smb_clv);
  smb_customers = g_strdup_printf ("SMB\n%u customers", smb->figures.customers);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (segments, 0, row))),
                   ==, smb_customers);
  assert_described (page, type, "segment_chart", smb_nrr);
  row = find_row (by_channel, "ads");
  g_assert_cmpstr (cell (by_channel, 4, row), ==, ads_clv);
}

typedef struct
{
  const char *style;
  int         width;
  int         height;
} Variant;

/* The first scrolled window under @widget that is on screen. */
static GtkWidget *
find_scrolled (GtkWidget *widget)
{
  return test_find_descendant (widget, GTK_TYPE_SCROLLED_WINDOW, TRUE);
}

static void
screenshot (TenureWindow  *window,
            const char    *page,
            const Variant *variant)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%dx%d", page, variant->style, variant->width,
                                           variant->height);
  g_autofree char *end_name = g_strconcat (name, "-end", NULL);
  g_autofree char *path = test_save_screenshot (GTK_WIDGET (window), name);
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  g_test_message ("screenshot: %s", path);

  /* The end of the page too, scrolled down. */
  scrolled = find_scrolled (GTK_WIDGET (tenure_window_get_visible_page (window)));
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  test_settle (GTK_WIDGET (window), 2);
  g_clear_pointer (&path, g_free);
  path = test_save_screenshot (GTK_WIDGET (window), end_name);
  g_test_message ("screenshot: %s", path);
}

static void
test_pages (void)
{
  static const Variant variants[] = {
    { "light", 1280, 800 },
    { "dark", 1280, 800 },
    { "light", 800, 600 },
    { "dark", 800, 600 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *variant = &variants[i];
      TenureWindow *window;
      TenureWorkspace *workspace;
      TenurePage *page;

      adw_style_manager_set_color_scheme (style, g_str_equal (variant->style, "dark")
                                                 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
      window = open_window (variant->width, variant->height);
      workspace = tenure_window_get_workspace (window);

      page = show_page (window, "jobs", TENURE_TYPE_JOBS_PAGE);
      check_jobs (page, workspace, "");
      screenshot (window, "jobs", variant);

      page = show_page (window, "satisfaction", TENURE_TYPE_SATISFACTION_PAGE);
      check_satisfaction (page, workspace);
      screenshot (window, "satisfaction", variant);

      page = show_page (window, "acquisition", TENURE_TYPE_ACQUISITION_PAGE);
      check_acquisition (page, workspace);
      screenshot (window, "acquisition", variant);

      /* No page is wider than 800×600 leaves it beside the sidebar. */
      g_assert_false (adw_leaflet_get_folded (window->leaflet));

      close_window (window);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The workspace's filter reaches the figures; another month too. */
static void
test_filter (void)
{
  TenureWindow *window = open_window (1280, 800);
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  TenurePage *page = show_page (window, "jobs", TENURE_TYPE_JOBS_PAGE);
  g_autoptr(TenureMetrics) all = core_metrics (workspace, "");
  g_autoptr(TenureMetrics) ads = core_metrics (workspace, "channel=ads");

  /* The groups differ, so the check below could fail. */
  g_assert_cmpfloat (all->figures.taj_4_plus_pct, !=, ads->figures.taj_4_plus_pct);

  tenure_workspace_set_filter (workspace, "channel=ads");
  wait_for (page_ready, page);
  check_jobs (page, workspace, "channel=ads");
  assert_contains (label_text (page, TENURE_TYPE_JOBS_PAGE, "summary_label"), "Channel: ads");

  tenure_workspace_set_filter (workspace, "");
  tenure_workspace_set_month (workspace, tenure_workspace_get_month (workspace) - 5);
  page = show_page (window, "satisfaction", TENURE_TYPE_SATISFACTION_PAGE);
  check_satisfaction (page, workspace);

  close_window (window);
}

/* Old customers, no product events, one NPS answer three months before the last month:
 * Jobs says what is missing, Satisfaction shows "—" for the month and says why. */
static void
test_missing_data (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "quiet.tenure", NULL);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureWindow *window;
  TenurePage *page;
  GType type = TENURE_TYPE_SATISFACTION_PAGE;
  GtkWidget *nps;
  const char *tooltip;

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  tenure_db_exec (db,
                  "INSERT INTO account (external_id, signup_date) VALUES"
                  "  ('A1', '2023-01-10'), ('A2', '2023-02-10'), ('A3', '2023-03-10');"
                  "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES"
                  "  (1, '2023-01-10', NULL, 10000), (2, '2023-02-10', NULL, 20000),"
                  "  (3, '2023-03-10', '2026-06-01', 30000);"
                  "INSERT INTO response (answered_on, score, kind) VALUES"
                  "  ('2026-03-15', 10, 'nps');",
                  &error);
  g_assert_no_error (error);
  g_clear_pointer (&db, tenure_db_close);

  window = open_window_with (path, 1280, 800);
  g_assert_cmpint (tenure_workspace_get_month (tenure_window_get_workspace (window)), ==,
                   TENURE_MONTH (2026, 6));

  page = show_page (window, "jobs", TENURE_TYPE_JOBS_PAGE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (child (page, TENURE_TYPE_JOBS_PAGE, "stack"))), ==, "empty");
  screenshot (window, "jobs-empty", &(Variant) { "light", 1280, 800 });

  page = show_page (window, "satisfaction", type);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (page, type, "stack"))),
                   ==, "content");
  nps = child (page, type, "nps_value");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (nps)), ==, "—");
  tooltip = gtk_widget_get_tooltip_text (nps);
  g_assert_cmpstr (tooltip, ==, "No NPS answer this month");
  g_assert_cmpstr (label_text (page, type, "cli_value"), ==, "—");
  /* March's answer is in the trend: a promoter alone gives 100. */
  assert_described (page, type, "scores_chart", "100");
  screenshot (window, "satisfaction-sparse", &(Variant) { "light", 1280, 800 });

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  TenureDemoOptions options;
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  tenure_demo_options_init (&options);
  options.end_month = TENURE_MONTH (2026, 10);
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", &options);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/pages/jobs-satisfaction-acquisition", test_pages);
  g_test_add_func ("/gui/pages/filter", test_filter);
  g_test_add_func ("/gui/pages/missing-data", test_missing_data);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
