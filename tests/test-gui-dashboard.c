/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview, Revenue and Cohorts pages on the demo company: the figures shown are the
 * core's for the selected month, they follow the month selector, and screenshots. */

#include "config.h"

#include <adwaita.h>

#include "tenure-accounts-page.h"
#include "tenure-application.h"
#include "tenure-chart.h"
#include "tenure-cohorts-page.h"
#include "tenure-dashboard.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
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

static TenureWindow *
new_window (int width,
            int height)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  test_settle (GTK_WIDGET (window), 2);

  return window;
}

/* Opens the demo company and waits for the Overview's figures. */
static TenureWindow *
open_demo (int width,
           int height)
{
  TenureWindow *window = new_window (width, height);
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));
  wait_for (page_ready, tenure_window_get_visible_page (window));
  test_settle (GTK_WIDGET (window), 2);

  return window;
}

/* Shows the page @name and waits until it shows its figures. */
static TenurePage *
show_page (TenureWindow *window,
           const char   *name)
{
  TenurePage *page;

  tenure_window_show_page (window, name);
  page = tenure_window_get_visible_page (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages_stack), ==, name);
  wait_for (widget_mapped, page);
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 2);

  return page;
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

static const char *
card_value (TenureOverviewPage *page,
            TenureOverviewCard  card)
{
  return tenure_kpi_card_get_value (TENURE_KPI_CARD (tenure_overview_page_get_card (page, card)));
}

static char *
money (gint64               cents,
       const TenureMetrics *metrics)
{
  return tenure_format_money (cents, metrics->currency, TENURE_FORMAT_NONE,
                              TENURE_LANGUAGE_DEFAULT);
}

static char *
percent (double value)
{
  g_assert_false (tenure_metrics_is_null (value));
  return tenure_format_percent (value, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

/* The Overview's cards and bridge show the core's figures of the page's month. */
static void
assert_overview (TenureOverviewPage  *page,
                 const TenureMetrics *metrics)
{
  const TenureMonthFigures *now = &metrics->figures;
  const TenureMonthFigures *before = &metrics->series->months[TENURE_DASHBOARD_MONTHS - 2];
  g_autofree char *mrr = money (now->mrr_cents, metrics);
  g_autofree char *nrr = percent (now->nrr_pct);
  g_autofree char *churn = percent (now->logo_churn_pct);
  g_autofree char *nps = tenure_format_number (now->nps_score, 0, TENURE_FORMAT_SIGN,
                                               TENURE_LANGUAGE_DEFAULT);
  g_autofree char *taj = percent (now->taj_4_plus_pct);
  g_autofree char *signal = percent (now->signal48h_pct);
  g_autofree char *red = g_strdup_printf ("%u", metrics->health_accounts[TENURE_HEALTH_RED]);
  g_autofree char *dormant = g_strdup_printf ("%u", metrics->dormant_accounts);
  g_autofree char *description = NULL;
  GtkWidget *sparkline;
  TenureChartData *trend;
  const gint64 movements[] = {
    before->mrr_cents, now->new_cents, now->reactivation_cents, now->expansion_cents,
    now->contraction_cents, now->churn_cents,
  };

  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (page)), ==, metrics->month);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_MRR), ==, mrr);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_NRR), ==, nrr);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_LOGO_CHURN), ==, churn);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_NPS), ==, nps);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_TAJ), ==, taj);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_SIGNAL48H), ==, signal);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_AT_RISK), ==, red);
  g_assert_cmpstr (card_value (page, TENURE_OVERVIEW_DORMANT), ==, dormant);
  {
    /* Dormant paying customers: their count, their share and their MRR. */
    g_autofree char *share = percent (metrics->dormant_pct);
    g_autofree char *dormant_mrr = money (metrics->dormant_mrr_cents, metrics);
    const char *detail = tenure_kpi_card_get_detail (TENURE_KPI_CARD (
      tenure_overview_page_get_card (page, TENURE_OVERVIEW_DORMANT)));

    g_assert_cmpfloat_with_epsilon (metrics->dormant_pct,
                                    100.0 * metrics->dormant_accounts / now->customers, 1e-9);
    g_assert_nonnull (strstr (detail, share));
    g_assert_nonnull (strstr (detail, dormant_mrr));
    g_assert_cmpint (metrics->dormant_mrr_cents, >, 0);
  }
  g_assert_cmpuint (metrics->health_accounts[TENURE_HEALTH_RED], >, 0);
  g_assert_cmpuint (metrics->dormant_accounts, >, 0);

  /* Every card explains itself on hover. */
  for (guint i = 0; i < TENURE_OVERVIEW_N_CARDS; i++)
    {
      GtkWidget *card = tenure_overview_page_get_card (page, i);

      g_assert_nonnull (gtk_widget_get_tooltip_text (card));
      g_assert_cmpuint (strlen (gtk_widget_get_tooltip_text (card)), >, 20);
    }

  /* The MRR sparkline: 13 months ending with the month's MRR. */
  sparkline = tenure_kpi_card_get_sparkline (
    TENURE_KPI_CARD (tenure_overview_page_get_card (page, TENURE_OVERVIEW_MRR)));
  g_assert_true (gtk_widget_get_visible (sparkline));
  trend = tenure_chart_get_data (TENURE_CHART (sparkline));
  g_assert_cmpuint (tenure_chart_data_get_n_categories (trend), ==, TENURE_DASHBOARD_MONTHS);
  g_assert_cmpfloat (tenure_chart_data_get_value (trend, 0, TENURE_DASHBOARD_MONTHS - 1), ==,
                     (double) now->mrr_cents);
  g_assert_cmpfloat (tenure_chart_data_get_value (trend, 0, 0), ==,
                     (double) metrics->series->months[0].mrr_cents);

  /* The at-risk and dormant trends end with the month's counts. */
  trend = tenure_chart_get_data (TENURE_CHART (tenure_kpi_card_get_sparkline (
    TENURE_KPI_CARD (tenure_overview_page_get_card (page, TENURE_OVERVIEW_AT_RISK)))));
  g_assert_cmpuint (tenure_chart_data_get_n_categories (trend), ==, TENURE_DASHBOARD_MONTHS);
  g_assert_cmpfloat (tenure_chart_data_get_value (trend, 0, TENURE_DASHBOARD_MONTHS - 1), ==,
                     metrics->health_accounts[TENURE_HEALTH_RED]);
  trend = tenure_chart_get_data (TENURE_CHART (tenure_kpi_card_get_sparkline (
    TENURE_KPI_CARD (tenure_overview_page_get_card (page, TENURE_OVERVIEW_DORMANT)))));
  g_assert_cmpfloat (tenure_chart_data_get_value (trend, 0, TENURE_DASHBOARD_MONTHS - 1), ==,
                     metrics->dormant_accounts);

  /* The bridge: start + movements = end, every figure in the accessible description. */
  g_assert_cmpint (before->mrr_cents + now->new_cents + now->reactivation_cents +
                   now->expansion_cents + now->contraction_cents + now->churn_cents,
                   ==, now->mrr_cents);
  description = tenure_chart_get_description (
    TENURE_CHART (tenure_overview_page_get_bridge_chart (page)));
  for (guint i = 0; i < G_N_ELEMENTS (movements); i++)
    {
      g_autofree char *text = tenure_format_value ((double) movements[i], TENURE_UNIT_MONEY,
                                                   metrics->currency,
                                                   i == 0 ? TENURE_FORMAT_NONE
                                                          : TENURE_FORMAT_SIGN,
                                                   TENURE_LANGUAGE_DEFAULT);

      g_assert_nonnull (strstr (description, text));
    }
  g_assert_nonnull (strstr (description, mrr));
}

/* The lifecycle rows show the core's funnel of the month: each count, each rate over
 * what the stage comes from, and 13 months of trend ending with the month's figure. */
static void
assert_lifecycle (TenureOverviewPage  *page,
                  const TenureMetrics *metrics)
{
  const TenureLifecycle *lifecycle = tenure_metrics_series_get_lifecycle (metrics->series,
                                                                          metrics->month);
  const TenureLifecycle *first = &metrics->series->lifecycle[0];
  const gint64 counts[TENURE_N_STAGES] = {
    metrics->funnel_awareness, metrics->funnel_conversion, metrics->funnel_purchase,
    metrics->funnel_activation, metrics->funnel_renewal, metrics->funnel_recommendation,
  };

  g_assert_cmpint (counts[TENURE_STAGE_AWARENESS], !=, TENURE_CENTS_NULL);
  g_assert_cmpint (counts[TENURE_STAGE_CONVERSION], >, 0);
  for (guint s = 0; s < TENURE_N_STAGES; s++)
    {
      g_autofree char *count = tenure_format_number ((double) counts[s], 0, TENURE_FORMAT_NONE,
                                                     TENURE_LANGUAGE_DEFAULT);
      TenureChartData *trend = tenure_chart_get_data (TENURE_CHART (
        tenure_overview_page_get_stage_trend (page, s)));
      double last = s == TENURE_STAGE_AWARENESS ? (double) counts[s] : lifecycle->rate_pct[s];
      double oldest = s == TENURE_STAGE_AWARENESS ? (double) first->count[s]
                                                  : first->rate_pct[s];

      g_assert_cmpint (lifecycle->count[s], ==, counts[s]);
      g_assert_cmpstr (tenure_overview_page_get_stage_count (page, s), ==, count);
      if (s == TENURE_STAGE_AWARENESS)
        g_assert_cmpstr (tenure_overview_page_get_stage_rate (page, s), ==, "");
      else
        {
          g_autofree char *rate = percent (lifecycle->rate_pct[s]);

          g_assert_nonnull (strstr (tenure_overview_page_get_stage_rate (page, s), rate));
        }

      g_assert_cmpuint (tenure_chart_data_get_n_categories (trend), ==, TENURE_DASHBOARD_MONTHS);
      g_assert_cmpfloat (tenure_chart_data_get_value (trend, 0, TENURE_DASHBOARD_MONTHS - 1), ==,
                         last);
      if (isnan (oldest))
        g_assert_true (isnan (tenure_chart_data_get_value (trend, 0, 0)));
      else
        g_assert_cmpfloat (tenure_chart_data_get_value (trend, 0, 0), ==, oldest);
    }

  /* Conversion is the signups over the leads. */
  g_assert_cmpfloat_with_epsilon (lifecycle->rate_pct[TENURE_STAGE_CONVERSION],
                                  100.0 * metrics->funnel_conversion / metrics->funnel_awareness,
                                  1e-9);
}

static void
test_overview (void)
{
  TenureWindow *window = open_demo (1280, 800);
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  int month = tenure_workspace_get_month (workspace);
  g_autoptr(TenureMetrics) metrics = compute (month);
  g_autoptr(TenureMetrics) previous = compute (month - 1);
  TenureOverviewPage *page;

  page = TENURE_OVERVIEW_PAGE (show_page (window, "overview"));
  assert_overview (page, metrics);

  /* The lifecycle funnel of the month (the demo's spend gives leads). */
  assert_lifecycle (page, metrics);

  /* The month selector's previous month: the page reloads with that month's figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->month_selector),
                                             "month-selector.previous", NULL));
  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (page)), ==, month - 1);
  g_assert_false (tenure_page_is_ready (TENURE_PAGE (page)));
  wait_for (page_ready, page);
  assert_overview (page, previous);
  g_assert_cmpint (previous->figures.mrr_cents, !=, metrics->figures.mrr_cents);

  /* The dormant card leads to the Accounts page. */
  tenure_workspace_set_month (workspace, month);
  wait_for (page_ready, page);
  assert_overview (page, metrics);
  {
    GtkWidget *card = tenure_overview_page_get_card (page, TENURE_OVERVIEW_DORMANT);
    GtkWidget *button = NULL;
    GtkWidget *row;

    for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (card));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_BUTTON (child))
        button = child;
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages_stack), ==, "accounts");
    row = GTK_WIDGET (gtk_list_box_get_selected_row (window->sidebar));
    g_assert_cmpstr (gtk_widget_get_name (row), ==, "accounts");

    /* The Accounts page lists the dormant customers the card counted. */
    {
      TenurePage *accounts = tenure_window_get_visible_page (window);

      g_assert_true (TENURE_IS_ACCOUNTS_PAGE (accounts));
      wait_for (page_ready, accounts);
      g_assert_cmpuint (g_list_model_get_n_items (
                          tenure_accounts_page_get_rows (TENURE_ACCOUNTS_PAGE (accounts))),
                        ==, metrics->dormant_accounts);
    }
  }

  close_window (window);
}

static void
test_revenue (void)
{
  TenureWindow *window = open_demo (1280, 800);
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  int month = tenure_workspace_get_month (workspace);
  g_autoptr(TenureMetrics) metrics = compute (month);
  g_autoptr(TenureMetrics) previous = compute (month - 1);
  const TenureMonthFigures *now = &metrics->figures;
  TenureRevenuePage *page = TENURE_REVENUE_PAGE (show_page (window, "revenue"));
  TenureChartData *mrr, *movements, *retention;
  /* MRR above 1,000 is compact in the table: "€701.5k". */
  g_autofree char *mrr_text = tenure_format_money_compact ((double) now->mrr_cents,
                                                           metrics->currency, 1,
                                                           TENURE_FORMAT_NONE,
                                                           TENURE_LANGUAGE_DEFAULT);
  g_autofree char *nrr_text = percent (now->nrr_pct);
  g_autofree char *grr_text = percent (now->grr_pct);
  g_autofree char *month_text = tenure_format_month (month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *previous_text = NULL;

  /* 13 months of MRR ending at the month; the demo sets no target. */
  mrr = tenure_chart_get_data (TENURE_CHART (tenure_revenue_page_get_mrr_chart (page)));
  g_assert_cmpuint (tenure_chart_data_get_n_categories (mrr), ==, 13);
  g_assert_cmpfloat (tenure_chart_data_get_value (mrr, 0, 12), ==, (double) now->mrr_cents);
  g_assert_true (isnan (tenure_chart_data_get_target (mrr)));

  /* Stacked movements: gains above zero, losses below. */
  movements = tenure_chart_get_data (TENURE_CHART (tenure_revenue_page_get_movements_chart (page)));
  g_assert_cmpuint (tenure_chart_data_get_n_series (movements), ==, 5);
  g_assert_cmpfloat (tenure_chart_data_get_value (movements, 0, 12), ==, (double) now->new_cents);
  g_assert_cmpfloat (tenure_chart_data_get_value (movements, 4, 12), ==,
                     (double) now->churn_cents);
  g_assert_cmpfloat (tenure_chart_data_get_value (movements, 4, 12), <, 0);

  retention = tenure_chart_get_data (TENURE_CHART (tenure_revenue_page_get_retention_chart (page)));
  g_assert_cmpuint (tenure_chart_data_get_n_series (retention), ==, 2);
  g_assert_cmpfloat (tenure_chart_data_get_value (retention, 0, 12), ==, now->nrr_pct);
  g_assert_cmpfloat (tenure_chart_data_get_value (retention, 1, 12), ==, now->grr_pct);

  /* The table: the month first, then the months before. */
  g_assert_cmpstr (tenure_revenue_page_get_cell (page, 1, 0), ==, month_text);
  g_assert_cmpstr (tenure_revenue_page_get_cell (page, 1, 1), ==, mrr_text);
  g_assert_cmpstr (tenure_revenue_page_get_cell (page, 1, 7), ==, nrr_text);
  g_assert_cmpstr (tenure_revenue_page_get_cell (page, 1, 8), ==, grr_text);
  g_assert_nonnull (tenure_revenue_page_get_cell (page, 13, 0));
  g_assert_null (tenure_revenue_page_get_cell (page, 14, 0));
  g_assert_null (tenure_revenue_page_get_cell (page, 14, 9));
  g_assert_nonnull (tenure_revenue_page_get_cell (page, 13, 9));

  /* The previous month moves the whole page one month back. */
  tenure_workspace_set_month (workspace, month - 1);
  wait_for (page_ready, page);
  previous_text = tenure_format_month (month - 1, TENURE_LANGUAGE_DEFAULT);
  g_assert_cmpstr (tenure_revenue_page_get_cell (page, 1, 0), ==, previous_text);
  mrr = tenure_chart_get_data (TENURE_CHART (tenure_revenue_page_get_mrr_chart (page)));
  g_assert_cmpfloat (tenure_chart_data_get_value (mrr, 0, 12), ==,
                     (double) previous->figures.mrr_cents);

  close_window (window);
}

static void
test_revenue_target (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "target.tenure", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (demo_path);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TenureWindow *window;
  TenureRevenuePage *page;
  TenureOverviewPage *overview;
  TenureChartData *mrr, *leads;

  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (tenure_db_set_setting (db, "target_mrr_cents", "25000000", &error));
    g_assert_no_error (error);
    g_assert_true (tenure_db_exec (db, "UPDATE spend SET leads = NULL", &error));
    g_assert_no_error (error);
  }

  window = new_window (1280, 800);
  tenure_window_open_file (window, copy);
  wait_for (window_idle, window);
  page = TENURE_REVENUE_PAGE (show_page (window, "revenue"));
  mrr = tenure_chart_get_data (TENURE_CHART (tenure_revenue_page_get_mrr_chart (page)));
  g_assert_cmpfloat (tenure_chart_data_get_target (mrr), ==, 25000000.0);

  /* Without leads, the funnel's awareness is "—", never 0. */
  overview = TENURE_OVERVIEW_PAGE (show_page (window, "overview"));
  g_assert_cmpstr (tenure_overview_page_get_stage_count (overview, TENURE_STAGE_AWARENESS), ==,
                   "—");
  g_assert_nonnull (strstr (tenure_overview_page_get_stage_rate (overview,
                                                                 TENURE_STAGE_CONVERSION),
                            "—"));
  g_assert_cmpstr (tenure_overview_page_get_stage_count (overview, TENURE_STAGE_CONVERSION), !=,
                   "0");
  leads = tenure_chart_get_data (TENURE_CHART (
    tenure_overview_page_get_stage_trend (overview, TENURE_STAGE_AWARENESS)));
  g_assert_true (tenure_chart_data_is_empty (leads));

  close_window (window);
}

static void
test_cohorts (void)
{
  TenureWindow *window = open_demo (1280, 800);
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  int month = tenure_workspace_get_month (workspace);
  g_autoptr(TenureMetrics) metrics = compute (month);
  const TenureCohortMatrix *matrix = metrics->cohorts;
  TenureCohortsPage *page = TENURE_COHORTS_PAGE (show_page (window, "cohorts"));
  TenureChart *heatmap = TENURE_CHART (tenure_cohorts_page_get_heatmap (page));
  TenureChartData *data = tenure_chart_get_data (heatmap);
  guint all = matrix->n_cohorts;
  guint retained = 0, size = 0;
  gboolean any_small = FALSE;

  /* Twelve cohorts ending at the month, then the size-weighted row. */
  g_assert_cmpuint (matrix->n_cohorts, ==, 12);
  g_assert_cmpuint (tenure_chart_data_get_n_series (data), ==, matrix->n_cohorts + 1);
  g_assert_cmpuint (tenure_chart_data_get_n_categories (data), ==, matrix->n_ages);
  for (guint c = 0; c < matrix->n_cohorts; c++)
    {
      const TenureCohort *cohort = &matrix->cohorts[c];
      g_autofree char *size_text = g_strdup_printf ("(%u)", cohort->size);

      g_assert_nonnull (strstr (tenure_chart_data_get_series_name (data, c), size_text));
      g_assert_cmpint (tenure_chart_data_get_series_flagged (data, c), ==, cohort->small);
      any_small |= cohort->small;
      g_assert_cmpfloat (tenure_chart_data_get_value (data, c, 0), ==, cohort->logo_pct[0]);
      if (cohort->n_ages < matrix->n_ages)
        g_assert_true (isnan (tenure_chart_data_get_value (data, c, cohort->n_ages)));
    }
  g_assert_false (tenure_chart_data_get_series_flagged (data, all));

  /* The all-cohorts row at age 3: Σ retained / Σ size over the cohorts 3 months old. */
  for (guint c = 0; c < matrix->n_cohorts; c++)
    if (matrix->cohorts[c].n_ages > 3)
      {
        retained += matrix->cohorts[c].retained[3];
        size += matrix->cohorts[c].size;
      }
  g_assert_cmpfloat_with_epsilon (tenure_chart_data_get_value (data, all, 3),
                                  100.0 * retained / size, 1e-9);

  /* Revenue retention on the other toggle. */
  tenure_cohorts_page_set_revenue (page, TRUE);
  data = tenure_chart_get_data (heatmap);
  g_assert_cmpfloat (tenure_chart_data_get_value (data, 0, 1), ==,
                     matrix->cohorts[0].revenue_pct[1]);
  g_assert_cmpfloat (tenure_chart_data_get_value (data, all, 1), ==, matrix->all_revenue_pct[1]);
  g_assert_nonnull (strstr (tenure_chart_get_title (heatmap), "evenue"));
  {
    g_autofree char *path = NULL;

    test_settle (GTK_WIDGET (window), 2);
    path = test_save_screenshot (GTK_WIDGET (window), "cohorts-revenue-light-1280x800");
    g_test_message ("screenshot: %s", path);
  }
  tenure_cohorts_page_set_revenue (page, FALSE);
  data = tenure_chart_get_data (heatmap);
  g_assert_cmpfloat (tenure_chart_data_get_value (data, all, 1), ==, matrix->all_logo_pct[1]);
  g_test_message ("small cohorts flagged: %s", any_small ? "yes" : "none in the demo");

  close_window (window);
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  return (GtkScrolledWindow *) test_find_descendant (widget, GTK_TYPE_SCROLLED_WINDOW, TRUE);
}

/* A workspace without data: each page says what is missing and offers the import. */
static void
test_empty (void)
{
  const char *pages[] = { "overview", "revenue", "cohorts" };
  g_autofree char *path = g_build_filename (tmpdir, "empty.tenure", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TenureWindow *window;

  {
    g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
  }

  window = new_window (800, 600);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_false (tenure_workspace_get_has_data (tenure_window_get_workspace (window)));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      TenurePage *page = show_page (window, pages[i]);
      GtkWidget *stack = adw_bin_get_child (ADW_BIN (page));

      g_assert_true (GTK_IS_STACK (stack));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
    }
  {
    g_autofree char *screenshot = test_save_screenshot (GTK_WIDGET (window),
                                                        "cohorts-empty-light-800x600");

    g_test_message ("screenshot: %s", screenshot);
  }

  close_window (window);
}

/* Each page light and dark at one size, and the end of the page in light. */
static void
screenshots (int width,
             int height)
{
  const char *pages[] = { "overview", "revenue", "cohorts" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  TenureWindow *window = open_demo (width, height);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (window, pages[i]);
      for (guint dark = 0; dark < 2; dark++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s-%dx%d", pages[i],
                                                   dark ? "dark" : "light", width, height);
          g_autofree char *path = NULL;

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          test_settle (GTK_WIDGET (window), 3);
          path = test_save_screenshot (GTK_WIDGET (window), name);
          g_test_message ("screenshot: %s", path);
        }
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

      /* The middle of the page (the Overview's bridge), then its end, in light. */
      for (guint end = 0; end < 2; end++)
        {
          GtkScrolledWindow *scrolled;
          GtkAdjustment *adjustment;
          g_autofree char *name = g_strdup_printf ("%s-%s-light-%dx%d", pages[i],
                                                   end ? "end" : "middle", width, height);
          g_autofree char *path = NULL;
          double bottom;

          scrolled = find_scrolled_window (GTK_WIDGET (tenure_window_get_visible_page (window)));
          g_assert_nonnull (scrolled);
          test_settle (GTK_WIDGET (window), 2);
          adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
          bottom = gtk_adjustment_get_upper (adjustment) -
                   gtk_adjustment_get_page_size (adjustment);
          gtk_adjustment_set_value (adjustment, end ? bottom : bottom / 2);
          test_settle (GTK_WIDGET (window), 3);
          path = test_save_screenshot (GTK_WIDGET (window), name);
          g_test_message ("screenshot: %s", path);
        }
    }

  close_window (window);
}

static void
test_screenshots_large (void)
{
  screenshots (1280, 800);
}

static void
test_screenshots_small (void)
{
  screenshots (800, 600);
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

  g_test_add_func ("/gui/dashboard/overview", test_overview);
  g_test_add_func ("/gui/dashboard/revenue", test_revenue);
  g_test_add_func ("/gui/dashboard/revenue-target", test_revenue_target);
  g_test_add_func ("/gui/dashboard/cohorts", test_cohorts);
  g_test_add_func ("/gui/dashboard/empty", test_empty);
  g_test_add_func ("/gui/dashboard/screenshots-1280x800", test_screenshots_large);
  g_test_add_func ("/gui/dashboard/screenshots-800x600", test_screenshots_small);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
