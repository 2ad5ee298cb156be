/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report export and the header bar's filter on the demo company: the workbook written,
 * cancelled and refused, the filter set from its menu, and screenshots of both. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-jobs-page.h"
#include "tenure-metrics-groups.h"
#include "tenure-report.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

static gboolean
filter_loaded (gpointer data)
{
  return tenure_filter_button_get_loaded (data);
}

static TenureWindow *
open_window (int width,
             int height)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));

  return window;
}

static TenurePage *
show_page (TenureWindow *window,
           const char   *name)
{
  TenurePage *page;

  tenure_window_show_page (window, name);
  page = tenure_window_get_visible_page (window);
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 2);

  return page;
}

/* The visible window of @type over @window, or NULL. */
static GtkWindow *
find_transient (TenureWindow *window,
                GType         type)
{
  return test_find_transient (GTK_WINDOW (window), type);
}

/* What one export ended with: the "finished" signal's arguments. */
typedef struct
{
  gboolean  finished;
  GFile    *file;
  GError   *error;
} Outcome;

static void
finished_cb (TenureReportExporter *exporter,
             GFile                *file,
             const GError         *error,
             Outcome              *outcome)
{
  outcome->finished = TRUE;
  g_set_object (&outcome->file, file);
  g_clear_error (&outcome->error);
  if (error != NULL)
    outcome->error = g_error_copy (error);
}

static gboolean
outcome_finished (gpointer data)
{
  return ((Outcome *) data)->finished;
}

typedef struct
{
  TenureWindow *window;
  Outcome      *outcome;
} Midway;

static gboolean
progress_shown (gpointer data)
{
  Midway *midway = data;

  return midway->outcome->finished ||
         tenure_report_exporter_get_fraction (midway->window->exporter) > 0.0;
}

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->file);
  g_clear_error (&outcome->error);
  outcome->finished = FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                TenureWindow  *window)
{
  const char **name = g_object_get_data (G_OBJECT (window), "screenshot");

  if (*name == NULL)
    return;

  /* Only while the bar shows; else the caller tries again. */
  if (tenure_report_exporter_get_busy (window->exporter))
    {
      g_free (test_save_screenshot (GTK_WIDGET (window), *name));
      g_object_set_data (G_OBJECT (window), "screenshot-taken", GINT_TO_POINTER (TRUE));
    }
  *name = NULL;
}

/* While the worker reports progress, the bar's allocation is renewed between frames: the
 * screenshot is taken right after a frame is painted, if the export still runs. */
static gboolean
screenshot_after_paint (TenureWindow *window,
                        const char   *name)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  const char *pending = name;
  gulong handler;

  gboolean taken;

  g_object_set_data (G_OBJECT (window), "screenshot", &pending);
  g_object_set_data (G_OBJECT (window), "screenshot-taken", NULL);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wait_for (pointer_cleared, &pending);
  g_signal_handler_disconnect (clock, handler);
  g_object_set_data (G_OBJECT (window), "screenshot", NULL);
  taken = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "screenshot-taken"));
  g_object_set_data (G_OBJECT (window), "screenshot-taken", NULL);

  return taken;
}

typedef enum
{
  EXPORT_PLAIN,
  EXPORT_SCREENSHOT,   /* of the progress bar, midway */
  EXPORT_CANCEL,       /* midway */
  EXPORT_CANCEL_AT_ONCE,
} ExportMode;

/* Exports to @path through the window's test entry point and waits for the end. Returns
 * FALSE when a midway @mode came too late: the export had already finished. */
static gboolean
export_to (TenureWindow *window,
           const char   *path,
           ExportMode    mode,
           Outcome      *outcome)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean midway_done = TRUE;
  gulong handler;

  handler = g_signal_connect (window->exporter, "finished", G_CALLBACK (finished_cb), outcome);
  tenure_window_export_report_to (window, file);

  /* While it runs, the bar shows and a second export cannot start. */
  g_assert_true (tenure_report_exporter_get_busy (window->exporter));
  g_assert_false (gtk_widget_is_sensitive (window->export_button));
  if (mode == EXPORT_CANCEL_AT_ONCE)
    tenure_report_exporter_cancel (window->exporter);
  else if (mode != EXPORT_PLAIN)
    {
      Midway midway = { window, outcome };

      /* Midway: once the worker has said how far it got. */
      wait_for (progress_shown, &midway);
      if (outcome->finished)
        midway_done = FALSE;
      else if (mode == EXPORT_CANCEL)
        tenure_report_exporter_cancel (window->exporter);
      else
        midway_done = screenshot_after_paint (window, "export-progress-light-1280x800");
    }

  wait_for (outcome_finished, outcome);
  g_signal_handler_disconnect (window->exporter, handler);

  g_assert_false (tenure_report_exporter_get_busy (window->exporter));
  g_assert_true (gtk_widget_is_sensitive (window->export_button));
  g_assert_true (g_file_equal (outcome->file, file));

  return midway_done;
}

/* A midway @mode, tried again (a few times at most) when the export was too quick. */
static void
export_midway (TenureWindow *window,
               const char   *path,
               ExportMode    mode,
               Outcome      *outcome)
{
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      if (export_to (window, path, mode, outcome))
        return;
      outcome_clear (outcome);
      g_remove (path);
    }

  g_assert_not_reached ();
}

/* The names in @dir, sorted, joined by "|". */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return g_strdup ("(none)");

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

static void
test_export (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "reports", NULL);
  g_autofree char *name = tenure_report_exporter_suggest_name (TENURE_MONTH (2026, 10));
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };
  TenureWindow *window = open_window (1280, 800);
  gsize length;

  show_page (window, "jobs");

  /* The suggested name carries the selected month. */
  g_assert_cmpint (tenure_workspace_get_month (tenure_window_get_workspace (window)), ==,
                   TENURE_MONTH (2026, 10));
  g_assert_cmpstr (name, ==, "Tenure report 2026-10.xlsx");
  g_assert_true (gtk_widget_is_sensitive (window->export_button));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  export_midway (window, path, EXPORT_SCREENSHOT, &outcome);
  g_assert_no_error (outcome.error);

  /* An XLSX file is a zip archive; the hidden temporary file is gone. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 10000);
  g_assert_cmpint (memcmp (contents, "PK\003\004", 4), ==, 0);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "Tenure report 2026-10.xlsx");

  /* “Report saved” shows over the page. */
  test_settle (GTK_WIDGET (window), 3);
  g_free (test_save_screenshot (GTK_WIDGET (window), "export-toast-light-1280x800"));

  outcome_clear (&outcome);
  close_window (window);
}

/* In French, the suggested name and the report's language follow the interface. */
static void
test_french_name (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_autofree char *name = NULL;

  if (setlocale (LC_MESSAGES, "fr_FR.UTF-8") == NULL)
    {
      /* Not a skip: the English name and language are what such a system gets. */
      name = tenure_report_exporter_suggest_name (TENURE_MONTH (2026, 10));
      g_assert_cmpstr (name, ==, "Tenure report 2026-10.xlsx");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TENURE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  name = tenure_report_exporter_suggest_name (TENURE_MONTH (2026, 10));
  g_assert_cmpstr (name, ==, "Rapport Tenure 2026-10.xlsx");
  g_assert_cmpint (tenure_report_language_from_locale (), ==, TENURE_REPORT_LANGUAGE_FR);

  g_unsetenv ("LANGUAGE");
  setlocale (LC_MESSAGES, saved);
  g_clear_pointer (&name, g_free);
  name = tenure_report_exporter_suggest_name (TENURE_MONTH (2026, 10));
  g_assert_cmpstr (name, ==, "Tenure report 2026-10.xlsx");
}

static void
test_cancel (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "cancelled", NULL);
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *listing = NULL;
  Outcome outcome = { 0 };
  TenureWindow *window = open_window (1280, 800);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* Cancelled before the worker got anywhere: nothing written, nothing left behind, and
   * no dialog for a cancel. */
  g_assert_true (export_to (window, path, EXPORT_CANCEL_AT_ONCE, &outcome));
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  g_assert_null (find_transient (window, ADW_TYPE_MESSAGE_DIALOG));
  outcome_clear (&outcome);
  g_clear_pointer (&listing, g_free);

  /* Cancelled midway, once the worker said how far it got: the cancel may come after the
   * workbook was renamed into place; either way no temporary file remains, and the result
   * says which happened. */
  export_midway (window, path, EXPORT_CANCEL, &outcome);
  listing = list_dir (dir);
  if (outcome.error != NULL)
    {
      g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpstr (listing, ==, "");
    }
  else
    {
      g_assert_cmpstr (listing, ==, "report.xlsx");
    }
  g_assert_null (find_transient (window, ADW_TYPE_MESSAGE_DIALOG));

  outcome_clear (&outcome);
  close_window (window);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "missing", NULL);
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  Outcome outcome = { 0 };
  TenureWindow *window = open_window (1280, 800);
  AdwMessageDialog *dialog;

  g_assert_true (export_to (window, path, EXPORT_PLAIN, &outcome));
  g_assert_nonnull (outcome.error);
  g_assert_false (g_error_matches (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* The core's message, in a dialog over the window. */
  dialog = (AdwMessageDialog *) find_transient (window, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Export the Report");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), outcome.error->message));
  test_settle (GTK_WIDGET (dialog), 2);
  g_free (test_save_screenshot (GTK_WIDGET (dialog), "export-error-light"));
  gtk_window_close (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  outcome_clear (&outcome);
  close_window (window);
}

static void
test_filter (void)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) segments = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = g_build_filename (tmpdir, "filtered", NULL);
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  Outcome outcome = { 0 };
  TenureWindow *window = open_window (1280, 800);
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  GtkMenuButton *button = tenure_filter_button_get_button (window->filter_button);
  GtkPopover *popover;
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  TenurePage *page;

  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  segments = tenure_metrics_list_groups (db, TENURE_FILTER_SEGMENT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (segments[0]);

  page = show_page (window, "jobs");
  wait_for (filter_loaded, window->filter_button);
  g_assert_cmpstr (tenure_filter_button_get_text (window->filter_button), ==, "All Accounts");

  /* The menu: every account, then the segments, plans and channels of the workspace. */
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, (int) g_strv_length (segments));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  wait_for (widget_mapped, popover);
  test_settle (GTK_WIDGET (popover), 3);
  g_free (test_save_screenshot (GTK_WIDGET (popover), "filter-popover-light"));

  /* Choosing a segment (what its menu item does) filters the workspace. */
  filter = g_strconcat ("segment=", segments[0], NULL);
  gtk_widget_activate_action (GTK_WIDGET (window->filter_button), "filter.set", "s", filter);
  gtk_menu_button_popdown (button);
  g_assert_cmpstr (tenure_workspace_get_filter (workspace), ==, filter);

  /* The page loads again for the segment, and the header says which. */
  g_assert_false (tenure_page_is_ready (page));
  wait_for (page_ready, page);
  text = g_strconcat ("Segment: ", segments[0], NULL);
  g_assert_cmpstr (tenure_filter_button_get_text (window->filter_button), ==, text);
  g_assert_cmpstr (tenure_filter_button_get_label (window->filter_button), ==, text);
  test_settle (GTK_WIDGET (window), 3);
  g_free (test_save_screenshot (GTK_WIDGET (window), "filter-active-light-1280x800"));

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  test_settle (GTK_WIDGET (window), 3);
  g_free (test_save_screenshot (GTK_WIDGET (window), "filter-active-light-800x600"));

  /* The sidebar stays beside the page at 800 × 600, where the button names the segment. */
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_cmpstr (tenure_filter_button_get_label (window->filter_button), ==, segments[0]);

  /* The report of a filtered workspace is written too. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (export_to (window, path, EXPORT_PLAIN, &outcome));
  g_assert_no_error (outcome.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Every account again. */
  gtk_widget_activate_action (GTK_WIDGET (window->filter_button), "filter.set", "s", "");
  g_assert_cmpstr (tenure_workspace_get_filter (workspace), ==, "");
  g_assert_cmpstr (tenure_filter_button_get_text (window->filter_button), ==, "All Accounts");

  outcome_clear (&outcome);
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

  g_test_add_func ("/gui/export/report", test_export);
  g_test_add_func ("/gui/export/french-name", test_french_name);
  g_test_add_func ("/gui/export/cancel", test_cancel);
  g_test_add_func ("/gui/export/missing-folder", test_missing_folder);
  g_test_add_func ("/gui/export/filter", test_filter);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
