/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in French under Xvfb: the welcome page, the demo company's Overview and
 * Satisfaction pages show French texts and French numbers, with screenshots. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <locale.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-page-list.h"
#include "tenure-preferences-window.h"
#include "tenure-satisfaction-page.h"
#include "tenure-settings.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

/* Every visible text under @widget (labels, buttons, window titles), one per line. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_WINDOW_TITLE (widget))
    g_string_append_printf (out, "%s\n", adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
  else if (ADW_IS_STATUS_PAGE (widget) && adw_status_page_get_title (ADW_STATUS_PAGE (widget)))
    g_string_append_printf (out, "%s\n", adw_status_page_get_title (ADW_STATUS_PAGE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
texts_of (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_texts (widget, out);
  return g_string_free (out, FALSE);
}

static void
assert_shows (const char *texts,
              const char *expected)
{
  if (strstr (texts, expected) == NULL)
    g_error ("“%s” is not shown; the texts are:\n%s", expected, texts);
}

static void
assert_not_shown (const char *texts,
                  const char *english)
{
  g_autofree char *line = g_strconcat ("\n", english, "\n", NULL);

  if (strstr (texts, line) != NULL || g_str_has_prefix (texts, line + 1))
    g_error ("“%s” is shown in English; the texts are:\n%s", english, texts);
}

/* The process really runs in French: gettext and the numbers' locale. */
static void
test_locale (void)
{
  g_assert_cmpstr (_("Overview"), ==, "Vue d’ensemble");
  g_assert_cmpstr (_("Revenue"), ==, "Revenu");
  g_assert_true (g_str_has_prefix (setlocale (LC_NUMERIC, NULL), "fr_FR"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
}

/* The file behind the help URI resolved for @languages: it exists, and is the guide. */
static char *
help_file_for (const char * const *languages)
{
  g_autofree char *uri = tenure_application_find_help_uri (languages);
  g_autoptr(GError) error = NULL;
  char *path;

  g_assert_nonnull (uri);
  path = g_filename_from_uri (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_suffix (path, "index.html"));

  return path;
}

/* F1 opens the guide, Ctrl+comma the preferences; the guide exists in both languages,
 * from the build folder (TENURE_HELPDIR, as `meson devenv` sets it) and installed. */
static void
test_help (void)
{
  static const char * const french[] = { "fr_FR.UTF-8", "fr_FR", "fr", "C", NULL };
  static const char * const english[] = { "en_US.UTF-8", "en_US", "en", "C", NULL };
  static const char * const german[] = { "de_DE", "de", NULL };
  g_auto(GStrv) help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_auto(GStrv) preferences = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     "app.preferences");
  g_autofree char *build_help = g_build_filename (g_getenv ("TENURE_BUILD_DIR"), "help", NULL);
  g_autofree char *installed = g_build_filename (tmpdir, "help", NULL);
  g_autofree char *installed_fr = g_build_filename (installed, "fr", "tenure", NULL);
  g_autofree char *installed_index = g_build_filename (installed_fr, "index.html", NULL);
  g_autofree char *fr = NULL;
  g_autofree char *en = NULL;
  g_autofree char *current = NULL;
  g_autofree char *fr_text = NULL;
  g_autofree char *en_text = NULL;
  g_autofree char *expected = NULL;
  const TenurePageInfo *pages;
  guint n_pages;

  g_assert_cmpstr (help[0], ==, "F1");
  g_assert_cmpstr (preferences[0], ==, "<Control>comma");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));

  /* From the build folder, where the tests and `meson devenv` point TENURE_HELPDIR. */
  g_assert_cmpstr (g_getenv ("TENURE_HELPDIR"), ==, build_help);
  fr = help_file_for (french);
  expected = g_build_filename (build_help, "fr", "index.html", NULL);
  g_assert_cmpstr (fr, ==, expected);
  g_clear_pointer (&expected, g_free);
  en = help_file_for (english);
  expected = g_build_filename (build_help, "C", "index.html", NULL);
  g_assert_cmpstr (en, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* This process runs in French, so F1 opens the French guide. */
  current = help_file_for (g_get_language_names ());
  g_assert_cmpstr (current, ==, fr);

  /* Each language's guide is in that language, with its stylesheet beside it. */
  g_assert_true (g_file_get_contents (fr, &fr_text, NULL, NULL));
  g_assert_nonnull (strstr (fr_text, "<html lang=\"fr\">"));
  g_assert_nonnull (strstr (fr_text, "Raccourcis clavier"));
  g_assert_true (g_file_get_contents (en, &en_text, NULL, NULL));
  g_assert_nonnull (strstr (en_text, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (en_text, "Keyboard shortcuts"));
  expected = g_build_filename (build_help, "fr", "help.css", NULL);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&expected, g_free);

  /* The guide describes every page of the sidebar, in each language. */
  pages = tenure_page_list_get (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *en_title = g_markup_escape_text (pages[i].title, -1);
      g_autofree char *fr_title = g_markup_escape_text (_(pages[i].title), -1);
      g_autofree char *en_entry = g_strdup_printf ("<dt>%s</dt>", en_title);
      g_autofree char *fr_entry = g_strdup_printf ("<dt>%s</dt>", fr_title);

      if (strstr (en_text, en_entry) == NULL)
        g_error ("The English guide does not describe the page “%s”", pages[i].title);
      if (strstr (fr_text, fr_entry) == NULL)
        g_error ("The French guide does not describe the page “%s”", _(pages[i].title));
    }

  /* A language without a guide and no "C" fallback: no URI, so F1 shows the About window. */
  g_assert_null (tenure_application_find_help_uri (german));

  /* The installed layout, share/help/LANG/tenure/index.html. */
  g_assert_cmpint (g_mkdir_with_parents (installed_fr, 0755), ==, 0);
  g_assert_true (g_file_set_contents (installed_index, fr_text, -1, NULL));
  g_setenv ("TENURE_HELPDIR", installed, TRUE);
  g_clear_pointer (&current, g_free);
  current = help_file_for (french);
  g_assert_cmpstr (current, ==, installed_index);
  g_assert_null (tenure_application_find_help_uri (english));
  g_setenv ("TENURE_HELPDIR", build_help, TRUE);
}

static void
test_welcome (void)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autofree char *texts = NULL;
  g_autofree char *path = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  test_settle (GTK_WIDGET (window), 3);

  texts = texts_of (GTK_WIDGET (window));
  assert_shows (texts, "Ouvrir l’entreprise de démonstration");
  assert_not_shown (texts, "Open the Demo Company");

  path = test_save_screenshot (GTK_WIDGET (window), "fr-welcome-1280x800");
  g_test_message ("screenshot: %s", path);

  close_window (window);
}

static GtkSpinButton *
find_spin (GtkWidget  *widget,
           const char *key)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

      if (row != NULL && g_strcmp0 (gtk_widget_get_name (row), key) == 0)
        return GTK_SPIN_BUTTON (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_spin (child, key);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
count_ready (guint *count)
{
  (*count)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* The preferences show the workspace's settings in French, save a change through core
 * and reload the pages; the spin buttons keep values in their range. */
static void
check_preferences (TenureWindow *window,
                   TenurePage   *page)
{
  GtkWidget *preferences = tenure_preferences_window_new (GTK_WINDOW (window));
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *path = NULL;
  g_autofree char *currency = NULL;
  GtkSpinButton *margin;
  GtkSpinButton *nrr;
  guint readies;
  gulong handler;

  gtk_window_present (GTK_WINDOW (preferences));
  wait_for (widget_mapped, preferences);
  test_settle (preferences, 3);

  texts = texts_of (preferences);
  assert_shows (texts, "Marge brute");
  assert_shows (texts, "Objectifs du rapport");
  assert_shows (texts, "Euro (EUR)");

  margin = find_spin (preferences, "gross_margin_pct");
  nrr = find_spin (preferences, "target_nrr_pct");
  g_assert_nonnull (margin);
  g_assert_nonnull (nrr);
  g_assert_cmpfloat (gtk_spin_button_get_value (margin), ==, 80);
  g_assert_cmpfloat (gtk_spin_button_get_value (nrr), ==, 100);

  path = test_save_screenshot (preferences, "fr-preferences");
  g_test_message ("screenshot: %s", path);

  /* A change is saved in the workspace and the visible page reloads. */
  readies = 0;
  handler = g_signal_connect_swapped (page, "ready", G_CALLBACK (count_ready), &readies);
  gtk_spin_button_set_value (margin, 65);
  wait_for (counted, &readies);
  g_signal_handler_disconnect (page, handler);
  gtk_spin_button_set_value (margin, 250);   /* clamped to 100 % by the row */
  gtk_spin_button_set_value (nrr, 105);

  db = tenure_workspace_open_db (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (tenure_settings_get_number (db, "gross_margin_pct"), ==, 100);
  g_assert_cmpfloat (tenure_settings_get_number (db, "target_nrr_pct"), ==, 105);
  currency = tenure_settings_get_currency (db);
  g_assert_cmpstr (currency, ==, "EUR");

  gtk_window_destroy (GTK_WINDOW (preferences));
  wait_for (page_ready, page);
}

static void
test_window (void)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  g_autofree char *sidebar = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *path = NULL;
  TenurePage *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));

  /* The sidebar lists the pages in French. */
  sidebar = texts_of (GTK_WIDGET (window->sidebar));
  assert_shows (sidebar, "Vue d’ensemble\n");
  assert_shows (sidebar, "Revenu\n");
  assert_shows (sidebar, "Cohortes\n");
  assert_shows (sidebar, "Comptes\n");
  assert_shows (sidebar, "Satisfaction\n");
  assert_not_shown (sidebar, "Overview");
  assert_not_shown (sidebar, "Accounts");

  /* The month button starts with a capital; inside a sentence French writes months
   * in lower case. */
  {
    g_autofree char *month = tenure_month_selector_format_month (TENURE_MONTH (2026, 10));

    g_assert_cmpstr (month, ==, "octobre 2026");
    g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==,
                     "Octobre 2026");
  }

  tenure_window_show_page (window, "overview");
  page = tenure_window_get_visible_page (window);
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 3);
  path = test_save_screenshot (GTK_WIDGET (window), "fr-window-1280x800");
  g_test_message ("screenshot: %s", path);
  g_clear_pointer (&path, g_free);

  tenure_window_show_page (window, "satisfaction");
  page = tenure_window_get_visible_page (window);
  g_assert_true (TENURE_IS_SATISFACTION_PAGE (page));
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 3);

  texts = texts_of (GTK_WIDGET (page));
  assert_shows (texts, "Indice de fidélité client");
  assert_not_shown (texts, "Customer loyalty index");

  path = test_save_screenshot (GTK_WIDGET (window), "fr-satisfaction-1280x800");
  g_test_message ("screenshot: %s", path);

  check_preferences (window, page);

  close_window (window);
}

/* The demo company's onboarding scenarios are its data (tenure-demo-catalogue.c), named
 * in English like its accounts; the same names are also offered, translated, as
 * templates for a new scenario. */
static gboolean
is_demo_data (const char *text)
{
  static const char * const names[] = {
    "Generate your monthly IT audit report",
    "Prepare a meeting with your CIO",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      return TRUE;

  return FALSE;
}

/* Whether @text holds a number of five digits or more written without the French
 * thousands separator ("105969 lignes" rather than "105 969 lignes"). */
static gboolean
has_ungrouped_number (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gsize digits = strspn (word, "0123456789");

      /* A standard's number ("(ISO 27001") is a name, not a quantity. */
      if (i > 0)
        {
          const char *before = words[i - 1] + strspn (words[i - 1], "(\"");

          if (before[0] != '\0' &&
              strspn (before, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen (before))
            continue;
        }
      if (digits >= 5 && (word[digits] == '\0' || strchr (",.;:)", word[digits]) != NULL))
        return TRUE;
    }

  return FALSE;
}

/* Labels under @widget that show an English text although the catalogue translates it
 * (a string that missed its _()), and labels that French cuts with an ellipsis. */
static void
check_labels (GtkWidget  *widget,
              GString    *english,
              GString    *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text[0] != '\0' && !is_demo_data (text) &&
          g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
        g_string_append_printf (english, "  “%s”\n", text);
      if (!is_demo_data (text) && has_ungrouped_number (text))
        g_string_append_printf (english, "  “%s” (number not grouped the French way)\n", text);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_string_append_printf (cut, "  “%s”\n", text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_labels (child, english, cut);
}

typedef struct
{
  const char     *style;
  AdwColorScheme  scheme;
  int             width;
  int             height;
} Variant;

/* Every page of the demo company in French, light and dark at 800×600 (where French,
 * longer than English, is cut first) and light at 1280×800: no English text where a
 * translation exists, and screenshots of each. */
static void
test_pages (void)
{
  static const Variant variants[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT, 1280, 800 },
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT, 800, 600 },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK, 800, 600 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  const TenurePageInfo *pages;
  guint n_pages;

  pages = tenure_page_list_get (&n_pages);
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      const Variant *variant = &variants[v];
      TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
      g_autoptr(GString) english = g_string_new (NULL);

      adw_style_manager_set_color_scheme (style, variant->scheme);
      gtk_window_set_default_size (GTK_WINDOW (window), variant->width, variant->height);
      gtk_window_present (GTK_WINDOW (window));
      wait_for (widget_mapped, window);
      tenure_window_open_file (window, file);
      wait_for (window_idle, window);

      for (guint i = 0; i < n_pages; i++)
        {
          g_autofree char *name = g_strdup_printf ("fr-%s-%s-%dx%d", pages[i].name,
                                                   variant->style, variant->width,
                                                   variant->height);
          g_autofree char *path = NULL;
          g_autoptr(GString) cut = g_string_new (NULL);
          TenurePage *page;

          tenure_window_show_page (window, pages[i].name);
          page = tenure_window_get_visible_page (window);
          wait_for (page_ready, page);
          test_settle (GTK_WIDGET (window), 3);

          /* At 800×600 the sidebar stays beside every page: no page of the French
           * window is so wide that the window folds it away. */
          g_assert_false (adw_leaflet_get_folded (window->leaflet));
          check_labels (GTK_WIDGET (window), english, cut);
          if (cut->len > 0)
            g_test_message ("%s: cut by an ellipsis:\n%s", name, cut->str);

          path = test_save_screenshot (GTK_WIDGET (window), name);
          g_test_message ("screenshot: %s", path);
        }

      if (english->len > 0)
        g_error ("English shown where French exists (%s %dx%d):\n%s", variant->style,
                 variant->width, variant->height, english->str);

      close_window (window);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

int
main (int   argc,
      char *argv[])
{
  TenureDemoOptions options;
  const char *localedir = g_getenv ("TENURE_LOCALEDIR");
  int status;

  /* French before GTK starts, as a French desktop session would set it. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LANG", "fr_FR.UTF-8", TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  tmpdir = test_gui_init (&argc, &argv);
  /* gtk_test_init () resets the locale to C: back to French. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  tenure_demo_options_init (&options);
  options.end_month = TENURE_MONTH (2026, 10);
  demo_path = test_gui_create_demo (tmpdir, "démo.tenure", &options);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/french/locale", test_locale);
  g_test_add_func ("/gui/french/help", test_help);
  g_test_add_func ("/gui/french/welcome", test_welcome);
  g_test_add_func ("/gui/french/window", test_window);
  g_test_add_func ("/gui/french/pages", test_pages);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
