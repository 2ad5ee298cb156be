/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart widgets on screen: every type with realistic data, light and dark, large and
 * small (screenshots), their accessible descriptions, keyboard, tooltips, copy and export. */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "tenure-bar-chart.h"
#include "tenure-chart-private.h"
#include "tenure-column-chart.h"
#include "tenure-date.h"
#include "tenure-heatmap.h"
#include "tenure-line-chart.h"
#include "tenure-sparkline.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-waterfall-chart.h"

#define NNBSP "\u202f"
#define NBSP "\u00a0"
#define MINUS "\u2212"

/* Thirteen months of MRR, November 2025 to November 2026, in cents. */
static const double mrr_cents[] = {
  4120000, 4185000, 4230000, 4198000, 4310000, 4402000, 4465000,
  4440000, 4528000, 4610000, 4675000, 4690000, 4821000,
};

static void
add_months (TenureChartData *data,
            int              first,
            guint            count,
            TenureLanguage   language)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *label = tenure_format_month (first + (int) i, language);

      tenure_chart_data_add_category (data, label);
    }
}

static TenureChartData *
mrr_data (TenureLanguage language)
{
  TenureChartData *data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  guint mrr, last_year;

  add_months (data, TENURE_MONTH (2025, 11), G_N_ELEMENTS (mrr_cents), language);
  mrr = tenure_chart_data_add_series (data, "MRR", TENURE_CHART_COLOR_BLUE);
  tenure_chart_data_set_values (data, mrr, mrr_cents, G_N_ELEMENTS (mrr_cents));

  last_year = tenure_chart_data_add_series (data, "Last year", TENURE_CHART_COLOR_NEUTRAL);
  tenure_chart_data_set_series_dashed (data, last_year, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (mrr_cents); i++)
    tenure_chart_data_set_value (data, last_year, i, 3420000 + i * 52000.0 + (i % 3) * 21000.0);
  /* Months without figures break the line; a lone value keeps its dot. */
  tenure_chart_data_set_value (data, last_year, 5, NAN);
  tenure_chart_data_set_value (data, last_year, 7, NAN);

  tenure_chart_data_set_target (data, 5000000, "Target");
  return data;
}

static GtkWidget *
make_line_chart (void)
{
  g_autoptr(TenureChartData) data = mrr_data (TENURE_LANGUAGE_ENGLISH);
  GtkWidget *chart = tenure_line_chart_new ();

  tenure_chart_set_title (TENURE_CHART (chart), "Monthly recurring revenue");
  tenure_chart_set_y_title (TENURE_CHART (chart), "MRR at month end");
  tenure_chart_set_include_zero (TENURE_CHART (chart), FALSE);
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_movements_chart (void)
{
  static const struct {
    const char *name;
    TenureChartColor color;
    double cents[12];
  } movements[] = {
    { "New", TENURE_CHART_COLOR_GREEN,
      { 210000, 180000, 250000, 190000, 320000, 260000, 230000, 180000, 275000, 240000, 215000, 235000 } },
    { "Expansion", TENURE_CHART_COLOR_BLUE,
      { 90000, 60000, 110000, 85000, 70000, 120000, 95000, 60000, 130000, 105000, 80000, 118000 } },
    { "Reactivation", TENURE_CHART_COLOR_PURPLE,
      { 20000, 0, 35000, 10000, 0, 40000, 15000, 0, 25000, 30000, 0, 40000 } },
    { "Contraction", TENURE_CHART_COLOR_ORANGE,
      { -40000, -55000, -30000, -70000, -45000, -35000, -60000, -50000, -40000, -38000, -52000, -56000 } },
    { "Churn", TENURE_CHART_COLOR_RED,
      { -215000, -140000, -397000, -110000, -253000, -322000, -305000, -102000, -308000, -272000, -228000, -206000 } },
  };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  GtkWidget *chart = tenure_column_chart_new ();

  add_months (data, TENURE_MONTH (2025, 12), 12, TENURE_LANGUAGE_ENGLISH);
  for (guint s = 0; s < G_N_ELEMENTS (movements); s++)
    {
      guint series = tenure_chart_data_add_series (data, movements[s].name, movements[s].color);

      tenure_chart_data_set_values (data, series, movements[s].cents, 12);
    }

  tenure_column_chart_set_stacked (TENURE_COLUMN_CHART (chart), TRUE);
  tenure_chart_set_title (TENURE_CHART (chart), "MRR movements");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

/* The MRR bridge of a month: start, movements, end (left to the running total). */
static TenureChartData *
bridge_data (const double *cents,
             guint         n)
{
  static const char * const steps[] = {
    "Start", "New", "Reactivation", "Expansion", "Contraction", "Churn", "End",
  };
  TenureChartData *data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  guint series;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    tenure_chart_data_add_category (data, steps[i]);
  series = tenure_chart_data_add_series (data, "MRR", TENURE_CHART_COLOR_AUTO);
  tenure_chart_data_set_values (data, series, cents, n);
  return data;
}

static GtkWidget *
make_waterfall_chart (void)
{
  const double cents[] = { 4690000, 235000, 40000, 118000, -56000, -206000, NAN };
  g_autoptr(TenureChartData) data = bridge_data (cents, G_N_ELEMENTS (cents));
  GtkWidget *chart = tenure_waterfall_chart_new ();

  tenure_chart_set_title (TENURE_CHART (chart), "MRR bridge, November 2026");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_heatmap (void)
{
  static const guint sizes[] = { 42, 38, 8, 51, 47, 36, 9, 44, 40, 33, 6, 39 };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  GtkWidget *chart = tenure_heatmap_new ();

  for (guint age = 0; age < 12; age++)
    {
      g_autofree char *label = g_strdup_printf ("%u", age);

      tenure_chart_data_add_category (data, label);
    }

  for (guint c = 0; c < 12; c++)
    {
      g_autofree char *name = tenure_format_month (TENURE_MONTH (2025, 12) + (int) c,
                                                   TENURE_LANGUAGE_ENGLISH);
      guint row = tenure_chart_data_add_series (data, name, TENURE_CHART_COLOR_AUTO);
      double retained = 100;

      tenure_chart_data_set_series_flagged (data, row, sizes[c] < 10);
      for (guint age = 0; age < 12 - c; age++)
        {
          if (age > 0)
            retained *= 0.955 - 0.012 * (c % 3) - (age == 1 ? 0.04 : 0);
          /* A hole in the data: this cohort's third month was not computed. */
          if (c == 4 && age == 3)
            continue;
          tenure_chart_data_set_value (data, row, age, round (retained * 10) / 10);
        }
    }

  tenure_chart_set_title (TENURE_CHART (chart), "Logo retention by cohort");
  tenure_chart_set_x_title (TENURE_CHART (chart), "Months since first payment");
  tenure_chart_set_y_title (TENURE_CHART (chart), "Cohort");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_bar_chart (void)
{
  static const char * const channels[] = { "Ads", "Events", "Content", "Partners", "Referral" };
  static const double cac[] = { 184000, 236500, 92000, 141000, 0 };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  GtkWidget *chart = tenure_bar_chart_new ();
  guint series;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    tenure_chart_data_add_category (data, channels[i]);
  series = tenure_chart_data_add_series (data, "CAC", TENURE_CHART_COLOR_PURPLE);
  tenure_chart_data_set_values (data, series, cac, G_N_ELEMENTS (cac));

  tenure_chart_set_title (TENURE_CHART (chart), "Acquisition cost by channel");
  tenure_chart_set_x_title (TENURE_CHART (chart), "Cost per new customer, last 12 months");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_taj_chart (void)
{
  static const char * const buckets[] = { "No job", "1–3 jobs", "4 or more jobs" };
  static const double retention[] = { 58.2, 74.5, 91.3 };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  GtkWidget *chart = tenure_bar_chart_new ();
  guint series;

  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    tenure_chart_data_add_category (data, buckets[i]);
  series = tenure_chart_data_add_series (data, "Retained after 12 months", TENURE_CHART_COLOR_GREEN);
  tenure_chart_data_set_values (data, series, retention, G_N_ELEMENTS (retention));

  tenure_chart_set_title (TENURE_CHART (chart), "12-month retention by jobs done in month one");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_diverging_chart (void)
{
  static const char * const options[] = {
    "Uses spreadsheets today", "Needs it within 3 months", "Has an IT team",
    "Budget already approved", "Came through a partner", "Evaluating competitors",
  };
  static const double top[] = { 64, 71, 48, 39, 27, 12 };
  static const double bottom[] = { 22, 18, 41, 9, 30, 46 };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  GtkWidget *chart = tenure_bar_chart_new ();
  guint s_top, s_bottom;

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    tenure_chart_data_add_category (data, options[i]);
  s_top = tenure_chart_data_add_series (data, "Best-retained 20 %", TENURE_CHART_COLOR_GREEN);
  s_bottom = tenure_chart_data_add_series (data, "Fastest-churning 20 %", TENURE_CHART_COLOR_RED);
  tenure_chart_data_set_values (data, s_top, top, G_N_ELEMENTS (top));
  tenure_chart_data_set_values (data, s_bottom, bottom, G_N_ELEMENTS (bottom));

  tenure_bar_chart_set_diverging (TENURE_BAR_CHART (chart), TRUE);
  tenure_chart_set_title (TENURE_CHART (chart), "Signup answers: best vs. fastest-churning");
  tenure_chart_set_x_title (TENURE_CHART (chart), "Share of the group that chose the answer");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_health_chart (void)
{
  static const double green[] = { 212, 218, 225, 229, 236, 241 };
  static const double amber[] = { 64, 61, 58, 60, 55, 52 };
  static const double red[] = { 31, 29, 33, 27, 24, 22 };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_COUNT);
  GtkWidget *chart = tenure_column_chart_new ();
  guint series;

  add_months (data, TENURE_MONTH (2026, 6), 6, TENURE_LANGUAGE_ENGLISH);
  series = tenure_chart_data_add_series (data, "Healthy", TENURE_CHART_COLOR_GREEN);
  tenure_chart_data_set_values (data, series, green, 6);
  series = tenure_chart_data_add_series (data, "At watch", TENURE_CHART_COLOR_YELLOW);
  tenure_chart_data_set_values (data, series, amber, 6);
  series = tenure_chart_data_add_series (data, "At risk", TENURE_CHART_COLOR_RED);
  tenure_chart_data_set_values (data, series, red, 6);

  tenure_chart_set_title (TENURE_CHART (chart), "Accounts by health");
  tenure_chart_set_y_title (TENURE_CHART (chart), "Accounts");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

/* The same figures as a French manager reads them. */
static GtkWidget *
make_french_line_chart (void)
{
  g_autoptr(TenureChartData) data = mrr_data (TENURE_LANGUAGE_FRENCH);
  GtkWidget *chart = tenure_line_chart_new ();

  tenure_chart_set_language (TENURE_CHART (chart), TENURE_LANGUAGE_FRENCH);
  tenure_chart_set_title (TENURE_CHART (chart), "Revenu mensuel récurrent");
  tenure_chart_set_include_zero (TENURE_CHART (chart), FALSE);
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_french_waterfall_chart (void)
{
  static const char * const steps[] = {
    "Début", "Nouveaux", "Réactivations", "Expansion", "Contraction", "Attrition", "Fin",
  };
  const double cents[] = { 4690000, 235000, 40000, 118000, -56000, -206000, NAN };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  GtkWidget *chart = tenure_waterfall_chart_new ();
  guint series;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    tenure_chart_data_add_category (data, steps[i]);
  series = tenure_chart_data_add_series (data, "MRR", TENURE_CHART_COLOR_AUTO);
  tenure_chart_data_set_values (data, series, cents, G_N_ELEMENTS (cents));

  tenure_chart_set_language (TENURE_CHART (chart), TENURE_LANGUAGE_FRENCH);
  tenure_chart_set_title (TENURE_CHART (chart), "Pont du MRR, novembre 2026");
  tenure_chart_set_data (TENURE_CHART (chart), data);
  return chart;
}

static GtkWidget *
make_kpi_card (const char   *label,
               const char   *value,
               const double *values,
               guint         n,
               TenureUnit    unit)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (unit);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *figure = gtk_label_new (value);
  GtkWidget *sparkline = tenure_sparkline_new ();
  guint series;

  add_months (data, TENURE_MONTH (2025, 11), n, TENURE_LANGUAGE_ENGLISH);
  series = tenure_chart_data_add_series (data, label, TENURE_CHART_COLOR_AUTO);
  tenure_chart_data_set_values (data, series, values, n);
  tenure_chart_set_title (TENURE_CHART (sparkline), label);
  tenure_chart_set_data (TENURE_CHART (sparkline), data);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (figure, "title-1");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (figure), 0);
  gtk_widget_set_size_request (sparkline, -1, 36);
  g_object_set (box, "margin-top", 0, NULL);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (figure, 12);
  gtk_widget_set_margin_start (sparkline, 12);
  gtk_widget_set_margin_end (sparkline, 12);
  gtk_widget_set_margin_bottom (sparkline, 12);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), figure);
  gtk_box_append (GTK_BOX (box), sparkline);

  return box;
}

static GtkWidget *
card (GtkWidget *chart)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_vexpand (chart, TRUE);
  gtk_widget_set_hexpand (chart, TRUE);
  gtk_box_append (GTK_BOX (frame), chart);
  return frame;
}

static GtkWidget *
dashboard (void)
{
  static const double nrr[] = { 97.1, 98.4, 96.2, 99.0, 101.3, 98.8, 100.4, 102.1, 99.7, 101.9, 103.2, 102.4, 104.0 };
  static const double churn[] = { 2.4, 1.9, 3.1, 1.6, 2.2, 2.7, 2.5, 1.4, 2.3, 2.0, 1.8, 1.7, 1.5 };
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_grid_attach (GTK_GRID (grid), make_kpi_card ("MRR", "€48,210", mrr_cents,
                                                   G_N_ELEMENTS (mrr_cents), TENURE_UNIT_MONEY),
                   0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), make_kpi_card ("Net revenue retention", "104.0%", nrr,
                                                   G_N_ELEMENTS (nrr), TENURE_UNIT_PERCENT),
                   1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), make_kpi_card ("Logo churn", "1.5%", churn,
                                                   G_N_ELEMENTS (churn), TENURE_UNIT_PERCENT),
                   2, 0, 1, 1);

  gtk_grid_attach (GTK_GRID (grid), card (make_line_chart ()), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), card (make_movements_chart ()), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), card (make_waterfall_chart ()), 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), card (make_heatmap ()), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), card (make_diverging_chart ()), 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), card (make_bar_chart ()), 2, 2, 1, 1);

  return grid;
}

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, sizeof signature);
  g_assert_cmpmem (contents, sizeof signature, signature, sizeof signature);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

static GtkWidget *
show_window (GtkWidget *child,
             int        width,
             int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  test_settle (window, 3);

  return window;
}

static void
test_screenshots_large (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = show_window (dashboard (), 1280, 800);
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;

  g_assert_cmpint (gtk_widget_get_width (window), ==, 1280);
  g_assert_cmpint (gtk_widget_get_height (window), ==, 800);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  test_settle (window, 2);
  light = test_save_screenshot (window, "charts-light-1280x800");
  assert_png (light, 1280, 800);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  test_settle (window, 2);
  dark = test_save_screenshot (window, "charts-dark-1280x800");
  assert_png (dark, 1280, 800);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every type at 300 × 200, where labels must thin out rather than collide, and an empty one. */
static void
test_screenshots_small (void)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *charts[] = {
    make_line_chart (), make_movements_chart (), make_waterfall_chart (),
    make_taj_chart (), make_heatmap (), make_diverging_chart (), make_bar_chart (),
    tenure_line_chart_new (), make_health_chart (), make_french_line_chart (),
    make_french_waterfall_chart (),
  };
  GtkWidget *window;
  g_autofree char *path = NULL;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      gtk_widget_set_size_request (charts[i], 300, 200);
      gtk_grid_attach (GTK_GRID (grid), charts[i], (int) (i % 4), (int) (i / 4), 1, 1);
    }
  /* The eighth has no data: it says so. */
  tenure_chart_set_title (TENURE_CHART (charts[7]), "Net revenue retention");

  window = show_window (grid, 300 * 4 + 24, 200 * 3 + 16);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_assert_cmpint (gtk_widget_get_width (charts[i]), ==, 300);
      g_assert_cmpint (gtk_widget_get_height (charts[i]), ==, 200);
      /* Every chart with data drew something that answers the pointer. */
      if (i != 7)
        g_assert_cmpuint (tenure_chart_get_hits (TENURE_CHART (charts[i]))->len, >, 0);
      else
        g_assert_cmpuint (tenure_chart_get_hits (TENURE_CHART (charts[i]))->len, ==, 0);
    }

  path = test_save_screenshot (window, "charts-small");
  assert_png (path, gtk_widget_get_width (window), gtk_widget_get_height (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible_line (void)
{
  g_autoptr(TenureChartData) french = mrr_data (TENURE_LANGUAGE_FRENCH);
  GtkWidget *chart = g_object_ref_sink (make_line_chart ());
  g_autofree char *english = tenure_chart_get_description (TENURE_CHART (chart));
  g_autofree char *description = NULL;

  g_assert_nonnull (strstr (english, "MRR from Nov 2025 to Nov 2026: €41,200 to €48,210."));
  g_assert_nonnull (strstr (english, "Lowest €41,200, highest €48,210."));
  g_assert_nonnull (strstr (english, "Target: €50,000."));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       english);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Monthly recurring revenue");

  /* French figures and months, and the description follows new data. */
  tenure_chart_set_language (TENURE_CHART (chart), TENURE_LANGUAGE_FRENCH);
  tenure_chart_set_data (TENURE_CHART (chart), french);
  description = tenure_chart_get_description (TENURE_CHART (chart));
  g_assert_nonnull (strstr (description, "nov. 2025"));
  g_assert_nonnull (strstr (description, "41" NNBSP "200" NBSP "€"));
  g_assert_nonnull (strstr (description, "48" NNBSP "210" NBSP "€"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);

  g_assert_finalize_object (chart);
}

static void
test_accessible_waterfall (void)
{
  /* METRICS.md's worked example, March 2026. */
  const double cents[] = { 35000, 8000, 0, 3000, 0, -25000, NAN };
  g_autoptr(TenureChartData) data = bridge_data (cents, G_N_ELEMENTS (cents));
  GtkWidget *chart = g_object_ref_sink (tenure_waterfall_chart_new ());
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  tenure_chart_set_language (TENURE_CHART (chart), TENURE_LANGUAGE_ENGLISH);
  tenure_chart_set_title (TENURE_CHART (chart), "MRR bridge, March 2026");
  tenure_chart_set_data (TENURE_CHART (chart), data);

  description = tenure_chart_get_description (TENURE_CHART (chart));
  g_assert_cmpstr (description, ==,
                   "MRR bridge, March 2026. Start: €350; New: +€80; Reactivation: €0; "
                   "Expansion: +€30; Contraction: €0; Churn: " MINUS "€250; End: €210.");

  tooltip = TENURE_CHART_GET_CLASS (chart)->tooltip_text (TENURE_CHART (chart), 5, 0);
  g_assert_cmpstr (tooltip, ==, "<b>Churn</b>\n" MINUS "€250\nRunning total: €210");

  g_assert_finalize_object (chart);
}

/* Movements of a few percent of the MRR: the axis is broken, and the description says so
 * after the exact figures. */
static void
test_accessible_waterfall_broken (void)
{
  const double cents[] = { 4690000, 235000, 40000, 118000, -56000, -206000, NAN };
  g_autoptr(TenureChartData) data = bridge_data (cents, G_N_ELEMENTS (cents));
  GtkWidget *chart = g_object_ref_sink (tenure_waterfall_chart_new ());
  g_autofree char *description = NULL;

  tenure_chart_set_language (TENURE_CHART (chart), TENURE_LANGUAGE_ENGLISH);
  tenure_chart_set_data (TENURE_CHART (chart), data);

  description = tenure_chart_get_description (TENURE_CHART (chart));
  g_assert_true (g_str_has_prefix (description, "Start: €46,900; New: +€2,350;"));
  g_assert_nonnull (strstr (description, "End: €48,210."));
  g_assert_true (g_str_has_suffix (description, "The value axis does not start at zero, so "
                                                "that the movements show."));

  g_assert_finalize_object (chart);
}

static void
test_accessible_heatmap (void)
{
  GtkWidget *chart = g_object_ref_sink (make_heatmap ());
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  tenure_chart_set_language (TENURE_CHART (chart), TENURE_LANGUAGE_ENGLISH);
  description = tenure_chart_get_description (TENURE_CHART (chart));
  g_assert_true (g_str_has_prefix (description, "Logo retention by cohort. Dec 2025: 100%, 92%,"));
  g_assert_nonnull (strstr (description, "Feb 2026 (small): 100%"));
  g_assert_nonnull (strstr (description, "Apr 2026: 100%, 90%, 85%, —, 76%, 71%, 67%, 64%;"));
  g_assert_true (g_str_has_suffix (description, "Oct 2026 (small): 100%, 90%; Nov 2026: 100%."));

  tooltip = TENURE_CHART_GET_CLASS (chart)->tooltip_text (TENURE_CHART (chart), 1, 0);
  g_assert_cmpstr (tooltip, ==, "<b>Dec 2025</b>\nMonths since first payment 1: 91.5%");

  g_assert_finalize_object (chart);
}

static void
test_empty_state (void)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  GtkWidget *chart = g_object_ref_sink (tenure_column_chart_new ());
  g_autofree char *description = NULL;
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.png", NULL);
  g_autoptr(GError) error = NULL;

  tenure_chart_data_add_category (data, "Nov 2026");
  tenure_chart_data_add_series (data, "MRR", TENURE_CHART_COLOR_AUTO);
  tenure_chart_set_title (TENURE_CHART (chart), "MRR movements");
  tenure_chart_set_data (TENURE_CHART (chart), data);

  description = tenure_chart_get_description (TENURE_CHART (chart));
  g_assert_cmpstr (description, ==, "MRR movements. No data for this month");

  g_assert_true (tenure_chart_export_png (TENURE_CHART (chart), path, 300, 200, &error));
  g_assert_no_error (error);
  assert_png (path, 300, 200);

  g_assert_finalize_object (chart);
  test_rmdir_recursive (dir);
}

static void
test_export (void)
{
  GtkWidget *charts[] = {
    make_line_chart (), make_movements_chart (), make_waterfall_chart (),
    make_heatmap (), make_diverging_chart (), make_bar_chart (), tenure_sparkline_new (),
  };
  g_autofree char *dir = test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s/chart-%u.png", dir, i);
      g_autofree char *svg = g_strdup_printf ("%s/chart-%u.svg", dir, i);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;

      g_object_ref_sink (charts[i]);

      g_assert_true (tenure_chart_export_png (TENURE_CHART (charts[i]), png, 640, 400, &error));
      g_assert_no_error (error);
      assert_png (png, 640, 400);

      g_assert_true (tenure_chart_export_svg (TENURE_CHART (charts[i]), svg, 640, 400, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<svg"));
      g_assert_nonnull (strstr (contents, "width=\"640"));
      g_assert_nonnull (strstr (contents, "</svg>"));

      g_assert_finalize_object (charts[i]);
    }

  /* Written through temporaries that do not stay behind: 7 PNG and 7 SVG files. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    guint files = 0;

    while (g_dir_read_name (listing) != NULL)
      files++;
    g_assert_cmpuint (files, ==, 2 * G_N_ELEMENTS (charts));
  }

  /* A folder that does not exist: an error, not a crash. */
  {
    GtkWidget *chart = g_object_ref_sink (make_line_chart ());
    g_autoptr(GError) error = NULL;
    g_autofree char *bad = g_build_filename (dir, "missing", "chart.png", NULL);

    g_assert_false (tenure_chart_export_png (TENURE_CHART (chart), bad, 100, 100, &error));
    g_assert_error (error, TENURE_CHART_ERROR, TENURE_CHART_ERROR_EXPORT);
    g_assert_finalize_object (chart);
  }

  test_rmdir_recursive (dir);
}

static void
test_keyboard_and_copy (void)
{
  GtkWidget *chart = make_line_chart ();
  GtkWidget *window = show_window (chart, 640, 400);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (chart);
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *action = NULL;
  GMenuModel *model;
  GtkWidget *menu;

  g_assert_true (gtk_widget_get_focusable (chart));
  g_assert_true (gtk_widget_grab_focus (chart));
  g_assert_cmpint (tenure_chart_get_selected (TENURE_CHART (chart)), ==, -1);

  /* Right selects the first month, then moves on; Left comes back; End goes last. */
  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", 1));
  g_assert_cmpint (tenure_chart_get_selected (TENURE_CHART (chart)), ==, 0);
  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", 1));
  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", 1));
  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", -1));
  g_assert_cmpint (tenure_chart_get_selected (TENURE_CHART (chart)), ==, 1);

  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", G_MAXINT32 / 2));
  g_assert_cmpint (tenure_chart_get_selected (TENURE_CHART (chart)), ==, 12);
  test_settle (window, 1);

  /* The highlighted month leads the accessible description. */
  description = tenure_chart_get_description (TENURE_CHART (chart));
  expected = g_strdup_printf ("Nov 2026 MRR: €48,210 Last year: €40,440 Target: €50,000. %s",
                              description);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       expected);
  tooltip = TENURE_CHART_GET_CLASS (chart)->tooltip_text (TENURE_CHART (chart), 12, -1);
  g_assert_cmpstr (tooltip, ==, "<b>Nov 2026</b>\nMRR: €48,210\nLast year: €40,440\nTarget: €50,000");

  /* One region per month answers the pointer. */
  g_assert_cmpuint (tenure_chart_get_hits (TENURE_CHART (chart))->len, ==, 13);

  /* The context menu (Menu key) offers Copy Image and Save Image…. */
  menu = gtk_widget_get_first_child (chart);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  g_assert_false (gtk_widget_get_visible (menu));
  g_assert_true (gtk_widget_activate_action (chart, "chart.context-menu", NULL));
  test_settle (window, 1);
  g_assert_true (gtk_widget_get_visible (menu));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "chart.copy-image");
  g_clear_pointer (&action, g_free);
  g_assert_true (g_menu_model_get_item_attribute (model, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "chart.save-image");
  gtk_popover_popdown (GTK_POPOVER (menu));

  /* Copy Image puts a picture on the clipboard. */
  g_assert_true (gtk_widget_activate_action (chart, "chart.copy-image", NULL));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    GDK_TYPE_TEXTURE));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's in-process accessibility backend: it records what the charts expose, and
   * keeps the AT-SPI daemons (which write on the test's stdout) out of the run. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart/screenshots/large", test_screenshots_large);
  g_test_add_func ("/chart/screenshots/small", test_screenshots_small);
  g_test_add_func ("/chart/accessible/line", test_accessible_line);
  g_test_add_func ("/chart/accessible/waterfall", test_accessible_waterfall);
  g_test_add_func ("/chart/accessible/waterfall-broken", test_accessible_waterfall_broken);
  g_test_add_func ("/chart/accessible/heatmap", test_accessible_heatmap);
  g_test_add_func ("/chart/empty-state", test_empty_state);
  g_test_add_func ("/chart/export", test_export);
  g_test_add_func ("/chart/keyboard-and-copy", test_keyboard_and_copy);

  return g_test_run ();
}
