/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The high-contrast style (ADW_DEBUG_HIGH_CONTRAST=1, read by libadwaita 1.2 when it
 * starts): the charts' colours stand out from the background, their text is opaque, and
 * screenshots of every page in light and dark. */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "tenure-application.h"
#include "tenure-chart-private.h"
#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-page-list.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

/* WCAG 2 relative luminance of @color drawn opaque. */
static double
luminance (const GdkRGBA *color)
{
  double channels[3] = { color->red, color->green, color->blue };

  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.03928 ? channels[i] / 12.92
                                         : pow ((channels[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/* @color over @background, as the chart paints it with its alpha. */
static GdkRGBA
blend (const GdkRGBA *color,
       const GdkRGBA *background)
{
  return (GdkRGBA) {
    color->red * color->alpha + background->red * (1 - color->alpha),
    color->green * color->alpha + background->green * (1 - color->alpha),
    color->blue * color->alpha + background->blue * (1 - color->alpha),
    1,
  };
}

static double
contrast (const GdkRGBA *color,
          const GdkRGBA *background)
{
  GdkRGBA drawn = blend (color, background);
  double a = luminance (&drawn);
  double b = luminance (background);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Whether a label on screen under @widget reads @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static TenureChart *
find_chart (GtkWidget *widget)
{
  return (TenureChart *) test_find_descendant (widget, TENURE_TYPE_CHART, TRUE);
}

/* In high contrast, chart text is the opaque foreground (7:1 at least), and every colour
 * of a series or a band, the axis and the grid stand out from the background (3:1 for
 * graphics, 1.5:1 for the grid, which only guides the eye). */
static void
check_palette (TenureChart *chart,
               const char  *style)
{
  TenureChartPalette palette;

  tenure_chart_palette_init (chart, &palette);
  g_assert_true (palette.high_contrast);
  g_assert_cmpfloat (palette.line_scale, >, 1);
  g_assert_cmpfloat (palette.foreground.alpha, ==, 1);
  g_assert_cmpfloat (palette.dim.alpha, ==, 1);
  g_assert_cmpfloat (contrast (&palette.foreground, &palette.background), >=, 7);
  g_assert_cmpfloat (contrast (&palette.dim, &palette.background), >=, 7);
  g_assert_cmpfloat (contrast (&palette.axis, &palette.background), >=, 3);
  g_assert_cmpfloat (contrast (&palette.grid, &palette.background), >=, 1.5);

  for (guint i = 0; i < TENURE_CHART_N_COLORS; i++)
    {
      double ratio = contrast (&palette.roles[i], &palette.background);

      g_test_message ("%s: colour %u contrasts %.1f:1 with the background", style, i, ratio);
      g_assert_cmpfloat (ratio, >=, 3);
    }
}

typedef struct
{
  const char     *style;
  AdwColorScheme  scheme;
  int             width;
  int             height;
} Variant;

static const Variant variants[] = {
  { "light", ADW_COLOR_SCHEME_FORCE_LIGHT, 1280, 800 },
  { "dark", ADW_COLOR_SCHEME_FORCE_DARK, 1280, 800 },
};

static void
screenshot (GtkWidget     *window,
            const char    *page,
            const Variant *variant)
{
  g_autofree char *name = g_strdup_printf ("hc-%s-%s-%dx%d", page, variant->style,
                                           variant->width, variant->height);
  g_autofree char *path = test_save_screenshot (window, name);

  g_test_message ("screenshot: %s", path);
}

/* libadwaita read the environment when it started: the whole process is high contrast. */
static void
test_style (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_true (adw_style_manager_get_high_contrast (style));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_true (adw_style_manager_get_high_contrast (style));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));
}

static void
test_welcome (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));

      adw_style_manager_set_color_scheme (style, variants[i].scheme);
      gtk_window_set_default_size (GTK_WINDOW (window), variants[i].width, variants[i].height);
      gtk_window_present (GTK_WINDOW (window));
      wait_for (widget_mapped, window);
      test_settle (GTK_WIDGET (window), 3);
      screenshot (GTK_WIDGET (window), "welcome", &variants[i]);
      close_window (window);
    }
}

/* Every page of the demo company, in both styles. */
static void
test_pages (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  const TenurePageInfo *pages;
  guint n_pages;

  pages = tenure_page_list_get (&n_pages);
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      const Variant *variant = &variants[v];
      TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
      guint n_charts = 0;

      adw_style_manager_set_color_scheme (style, variant->scheme);
      gtk_window_set_default_size (GTK_WINDOW (window), variant->width, variant->height);
      gtk_window_present (GTK_WINDOW (window));
      wait_for (widget_mapped, window);
      tenure_window_open_file (window, file);
      wait_for (window_idle, window);
      g_assert_nonnull (tenure_window_get_workspace (window));

      for (guint i = 0; i < n_pages; i++)
        {
          TenurePage *page;
          TenureChart *chart;

          tenure_window_show_page (window, pages[i].name);
          page = tenure_window_get_visible_page (window);
          wait_for (page_ready, page);
          test_settle (GTK_WIDGET (window), 3);

          chart = find_chart (GTK_WIDGET (page));
          if (chart != NULL)
            {
              check_palette (chart, variant->style);
              n_charts++;
            }

          /* Health bands say their name: colour is never the only sign. */
          if (g_str_equal (pages[i].name, "accounts"))
            g_assert_true (shows_label (GTK_WIDGET (page), "● Red"));

          screenshot (GTK_WIDGET (window), pages[i].name, variant);
        }

      /* The pages with figures have charts, so the palette was checked. */
      g_assert_cmpuint (n_charts, >=, 6);
      close_window (window);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  TenureDemoOptions options;
  int status;

  /* Before libadwaita starts: its settings read these once (adw-settings.c, init_debug). */
  g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  g_setenv ("ADW_DEBUG_COLOR_SCHEME", "prefer-light", TRUE);

  tmpdir = test_gui_init (&argc, &argv);

  tenure_demo_options_init (&options);
  options.end_month = TENURE_MONTH (2026, 10);
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", &options);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/contrast/style", test_style);
  g_test_add_func ("/gui/contrast/welcome", test_welcome);
  g_test_add_func ("/gui/contrast/pages", test_pages);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
