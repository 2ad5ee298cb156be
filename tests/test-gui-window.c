/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window under Xvfb: welcome page, demo company, opening workspaces and refusing
 * files that are not, the month selector, the sidebar's pages, and screenshots. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-imports-page.h"
#include "tenure-preferences-window.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;

/* A small workspace with data from January 2025 to March 2026 and two imports. */
static char *
create_workspace (const char *name)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_db_set_setting (db, "company_name", "Northwind Security", &error));
  g_assert_no_error (error);
  tenure_db_exec (db,
                  "INSERT INTO import (kind, file_name, sha256, rows, imported_at) VALUES"
                  "  ('accounts', 'accounts.csv', 'aa', 3, '2026-04-02T09:15:00Z'),"
                  "  ('subscriptions', 'subscriptions.csv', 'bb', 3, '2026-04-02T09:16:00Z');"
                  "INSERT INTO account (external_id, name, signup_date, import_id) VALUES"
                  "  ('A1', 'Acme', '2025-01-15', 1),"
                  "  ('A2', 'Globex', '2025-03-02', 1),"
                  "  ('A3', 'Initech', '2025-06-20', 1);"
                  "INSERT INTO subscription"
                  "  (account_id, start_date, end_date, mrr_cents, import_id)"
                  "  VALUES (1, '2025-01-15', NULL, 49000, 2),"
                  "         (2, '2025-03-02', '2026-02-01', 19000, 2),"
                  "         (3, '2025-06-20', NULL, 99000, 2);"
                  "INSERT INTO event (account_id, at, kind)"
                  "  VALUES (1, '2026-03-28T10:00:00Z', 'session');",
                  &error);
  g_assert_no_error (error);

  return path;
}

static gboolean
welcome_idle (gpointer data)
{
  return !tenure_welcome_page_get_busy (data);
}

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

/* Opens @path and waits until the window opened it and its page shows its figures. */
static void
open_and_wait (TenureWindow *window,
               const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tenure_window_open_file (window, file);
  g_assert_true (tenure_window_get_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));
  wait_for (page_ready, tenure_window_get_visible_page (window));
  test_settle (GTK_WIDGET (window), 2);
}

/* Waits for @widget to be on screen and drawn, then saves it as NAME.png. */
static void
screenshot_widget (GtkWidget  *widget,
                   const char *name)
{
  g_autofree char *path = NULL;

  wait_for (widget_mapped, widget);
  test_settle (widget, 2);
  path = test_save_screenshot (widget, name);

  g_test_message ("screenshot: %s", path);
}

static void
screenshot (TenureWindow *window,
            const char   *name)
{
  screenshot_widget (GTK_WIDGET (window), name);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The visible window of @type over @window, or NULL. */
static GtkWindow *
find_transient (TenureWindow *window,
                GType         type)
{
  return test_find_transient (GTK_WINDOW (window), type);
}

static AdwMessageDialog *
find_message_dialog (TenureWindow *window)
{
  return (AdwMessageDialog *) find_transient (window, ADW_TYPE_MESSAGE_DIALOG);
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, accel);
}

static void
close_message_dialog (AdwMessageDialog *dialog)
{
  /* Escape or the window's close button: the dialog answers its close response. */
  gtk_window_close (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_welcome (void)
{
  TenureWindow *window = new_window (1280, 800);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Tenure");
  g_assert_null (tenure_window_get_workspace (window));
  g_assert_cmpuint (tenure_welcome_page_get_n_recent (window->welcome_page), ==, 0);

  screenshot (window, "welcome-1280x800");
  close_window (window);
}

/* The number of files in @path, 0 when it does not exist. */
static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* The progress bar moved, or the demo company is already there. */
static gboolean
progress_shown (gpointer data)
{
  GtkWidget *welcome_page = gtk_widget_get_ancestor (data, TENURE_TYPE_WELCOME_PAGE);

  return gtk_progress_bar_get_fraction (data) > 0.05 ||
         !tenure_welcome_page_get_busy (TENURE_WELCOME_PAGE (welcome_page));
}

/* The demo company is created once in the user's data folder, then reopened. */
static void
test_demo (void)
{
  g_autofree char *demo_path = tenure_welcome_page_dup_demo_path ();
  g_autofree char *company = NULL;
  TenureWindow *window = new_window (1280, 800);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  GtkProgressBar *progress;

  g_assert_true (g_str_has_prefix (demo_path, tmpdir));
  g_assert_false (g_file_test (demo_path, G_FILE_TEST_EXISTS));

  /* Cancelled at once: busy until the worker stopped, and nothing is left behind. */
  tenure_welcome_page_open_demo (window->welcome_page);
  g_assert_true (tenure_welcome_page_get_busy (window->welcome_page));
  tenure_welcome_page_cancel_demo (window->welcome_page);
  wait_for (welcome_idle, window->welcome_page);
  test_settle (GTK_WIDGET (window), 1);
  g_assert_null (tenure_window_get_workspace (window));
  g_assert_false (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  demo_dir = g_path_get_dirname (demo_path);
  g_assert_cmpuint (count_files (demo_dir), ==, 0);

  tenure_welcome_page_open_demo (window->welcome_page);
  g_assert_true (tenure_welcome_page_get_busy (window->welcome_page));
  progress = GTK_PROGRESS_BAR (test_find_descendant (GTK_WIDGET (window->welcome_page),
                                                     GTK_TYPE_PROGRESS_BAR, FALSE));
  wait_for (progress_shown, progress);
  if (tenure_welcome_page_get_busy (window->welcome_page))
    screenshot (window, "welcome-demo-progress-1280x800");
  wait_for (welcome_idle, window->welcome_page);
  wait_for (window_idle, window);
  g_assert_true (g_file_test (demo_path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (tenure_window_get_workspace (window));

  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  company = tenure_db_get_company_name (db);
  g_assert_cmpstr (tenure_workspace_get_company_name (tenure_window_get_workspace (window)),
                   ==, company);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, company);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, company);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "demo.tenure");
  wait_for (page_ready, tenure_window_get_visible_page (window));
  test_settle (GTK_WIDGET (window), 2);
  screenshot (window, "window-demo-1280x800");
  close_window (window);

  /* Opened again without being created again. */
  window = new_window (1280, 800);
  tenure_welcome_page_open_demo (window->welcome_page);
  g_assert_false (tenure_welcome_page_get_busy (window->welcome_page));
  g_assert_true (tenure_window_get_loading (window));
  wait_for (window_idle, window);
  g_assert_cmpstr (tenure_workspace_get_company_name (tenure_window_get_workspace (window)),
                   ==, company);
  close_window (window);
}

/* Two windows create the demo company at once: the file the first writes is never
 * replaced by the second, which opens it instead, with no error and nothing left over. */
static void
test_demo_twice (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *demo_path = tenure_welcome_page_dup_demo_path ();
  g_autofree char *demo_dir = g_path_get_dirname (demo_path);
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *integrity = NULL;
  TenureWindow *first;
  TenureWindow *second;
  const char *name;

  /* A new user: no demo company yet. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (demo_path, suffixes[i], NULL);

      g_unlink (file);
    }

  first = new_window (1280, 800);
  second = new_window (1280, 800);
  tenure_welcome_page_open_demo (first->welcome_page);
  tenure_welcome_page_open_demo (second->welcome_page);
  g_assert_true (tenure_welcome_page_get_busy (first->welcome_page));
  g_assert_true (tenure_welcome_page_get_busy (second->welcome_page));
  wait_for (welcome_idle, first->welcome_page);
  wait_for (welcome_idle, second->welcome_page);
  wait_for (window_idle, first);
  wait_for (window_idle, second);
  test_settle (GTK_WIDGET (first), 2);

  g_assert_true (tenure_window_get_workspace (first) != NULL ||
                 tenure_window_get_workspace (second) != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      g_assert_false (ADW_IS_MESSAGE_DIALOG (toplevel));
    }

  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  integrity = tenure_db_integrity_check (db, &error);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 600);

  /* No temporary of either is left. */
  dir = g_dir_open (demo_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".demo.tenure."));

  close_window (first);
  close_window (second);
}

/* The same demo at 800×600, in dark style, and folded on a narrow window. */
static void
test_sizes (void)
{
  g_autofree char *demo_path = tenure_welcome_page_dup_demo_path ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  TenureWindow *window;

  g_assert_true (g_file_test (demo_path, G_FILE_TEST_IS_REGULAR));

  window = new_window (800, 600);
  open_and_wait (window, demo_path);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_false (gtk_widget_get_visible (window->back_button));
  screenshot (window, "window-demo-800x600");
  close_window (window);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = new_window (1280, 800);
  open_and_wait (window, demo_path);
  g_assert_true (adw_style_manager_get_dark (style));
  screenshot (window, "window-demo-dark-1280x800");
  close_window (window);

  window = new_window (1280, 800);
  test_settle (GTK_WIDGET (window), 2);
  screenshot (window, "welcome-dark-1280x800");
  close_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  window = new_window (400, 700);
  open_and_wait (window, demo_path);
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (gtk_widget_get_visible (window->back_button));
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->content_box);
  screenshot (window, "window-folded-content-400x700");
  g_signal_emit_by_name (window->back_button, "clicked");
  test_settle (GTK_WIDGET (window), 2);
  g_assert_false (adw_leaflet_get_visible_child (window->leaflet) == window->content_box);
  screenshot (window, "window-folded-sidebar-400x700");
  close_window (window);
}

static void
test_open_workspace (void)
{
  g_autofree char *path = create_workspace ("northwind.tenure");
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TenureWindow *window = new_window (1280, 800);
  TenureWorkspace *workspace;
  TenurePage *page;

  open_and_wait (window, path);
  workspace = tenure_window_get_workspace (window);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "workspace");
  g_assert_cmpstr (tenure_workspace_get_company_name (workspace), ==, "Northwind Security");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Northwind Security");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Northwind Security");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "northwind.tenure");
  g_assert_cmpuint (count_children (GTK_WIDGET (window->sidebar)), ==, 11);

  /* Data from January 2025 to March 2026: March 2026 is shown first. */
  g_assert_true (tenure_workspace_get_has_data (workspace));
  g_assert_cmpint (tenure_workspace_get_first_month (workspace), ==, TENURE_MONTH (2025, 1));
  g_assert_cmpint (tenure_workspace_get_last_month (workspace), ==, TENURE_MONTH (2026, 3));
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, TENURE_MONTH (2026, 3));
  g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==, "March 2026");

  page = tenure_window_get_visible_page (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages_stack), ==, "overview");
  g_assert_cmpint (tenure_page_get_month (page), ==, TENURE_MONTH (2026, 3));

  /* Next stops at the last month; previous moves the workspace and the page. */
  gtk_widget_activate_action (GTK_WIDGET (window->month_selector), "month-selector.next", NULL);
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, TENURE_MONTH (2026, 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->month_selector),
                                             "month-selector.previous", NULL));
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, TENURE_MONTH (2026, 2));
  g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==, "February 2026");
  g_assert_cmpint (tenure_page_get_month (page), ==, TENURE_MONTH (2026, 2));
  g_assert_false (tenure_page_is_ready (page));
  wait_for (page_ready, page);

  /* The workspace's month moves the selector too, kept within the months with data. */
  tenure_workspace_set_month (workspace, TENURE_MONTH (2024, 6));
  g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==, "January 2025");
  tenure_workspace_set_month (workspace, TENURE_MONTH (2026, 3));
  g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==, "March 2026");

  /* The last workspace and the recent list are remembered. */
  last = g_settings_get_string (settings, "last-workspace");
  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpstr (last, ==, path);
  g_assert_cmpstr (recent[0], ==, path);

  /* The Imports page lists the import table. */
  tenure_window_show_page (window, "imports");
  page = tenure_window_get_visible_page (window);
  g_assert_true (TENURE_IS_IMPORTS_PAGE (page));
  wait_for (page_ready, page);
  g_assert_cmpuint (tenure_imports_page_get_n_imports (TENURE_IMPORTS_PAGE (page)), ==, 2);
  test_settle (GTK_WIDGET (window), 2);
  screenshot (window, "imports-1280x800");

  /* Export works once a workspace is open (tests/test-gui-export.c). */
  g_assert_true (gtk_widget_get_mapped (window->export_button));
  g_assert_true (gtk_widget_is_sensitive (window->export_button));

  /* The workspace goes with its window. */
  g_object_add_weak_pointer (G_OBJECT (workspace), (gpointer *) &workspace);
  close_window (window);
  wait_for (pointer_cleared, &workspace);
}

/* The worked example imported with tenure-cli: its months, and its lineage, newest first. */
static void
test_imported_workspace (void)
{
  static const struct { const char *kind; const char *subtitle; } files[] = {
    { "accounts", "Accounts · 4 rows · " },
    { "subscriptions", "Subscriptions · 7 rows · " },
    { "responses", "Survey responses · 14 rows · " },
    { "spend", "Acquisition spend · 4 rows · " },
  };
  g_autofree char *path = g_build_filename (tmpdir, "worked-example.tenure", NULL);
  TenureWindow *window;
  TenureWorkspace *workspace;
  TenurePage *page;
  GtkWidget *list;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat (files[i].kind, ".csv", NULL);
      g_autofree char *csv = test_samples_path ("worked-example", name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (test_run_cli (&out, &err, "import", path, files[i].kind, csv, NULL), ==, 0);
    }

  window = new_window (1280, 800);
  open_and_wait (window, path);
  workspace = tenure_window_get_workspace (window);

  /* Signups from 5 January 2026, answers up to 28 April 2026. */
  g_assert_cmpint (tenure_workspace_get_first_month (workspace), ==, TENURE_MONTH (2026, 1));
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, TENURE_MONTH (2026, 4));
  g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==, "April 2026");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title),
                   ==, "worked-example.tenure");

  tenure_window_show_page (window, "imports");
  page = tenure_window_get_visible_page (window);
  wait_for (page_ready, page);
  g_assert_cmpuint (tenure_imports_page_get_n_imports (TENURE_IMPORTS_PAGE (page)), ==, 4);

  list = test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list),
                                                                          3 - i));
      g_autofree char *name = g_strconcat (files[i].kind, ".csv", NULL);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), files[i].subtitle));
    }
  test_settle (GTK_WIDGET (window), 2);
  screenshot (window, "imports-worked-example-1280x800");

  close_window (window);
}

/* A workspace without data: the last full month, and the Imports page's empty state. */
static void
test_empty_workspace (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.tenure", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureWindow *window;
  TenureWorkspace *workspace;
  TenurePage *page;
  int last_full = tenure_month_last_full (now);

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&db, tenure_db_close);

  window = new_window (1280, 800);
  open_and_wait (window, path);
  workspace = tenure_window_get_workspace (window);

  /* No company name: the file name stands in. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "empty");
  g_assert_false (tenure_workspace_get_has_data (workspace));
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, last_full);
  g_assert_cmpint (tenure_workspace_get_last_month (workspace), ==, last_full);
  expected = tenure_month_selector_format_month (last_full);
  g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==, expected);

  tenure_window_show_page (window, "imports");
  page = tenure_window_get_visible_page (window);
  wait_for (page_ready, page);
  g_assert_cmpuint (tenure_imports_page_get_n_imports (TENURE_IMPORTS_PAGE (page)), ==, 0);
  test_settle (GTK_WIDGET (window), 2);
  screenshot (window, "imports-empty-1280x800");

  close_window (window);
}

/* The popover picks a month and a year within the months with data. */
static void
test_month_popover (void)
{
  g_autofree char *path = create_workspace ("popover.tenure");
  TenureWindow *window = new_window (1280, 800);
  TenureWorkspace *workspace;
  GtkWidget *menu_button;
  GtkWidget *grid;
  GtkWidget *months[12];
  GtkPopover *popover;
  guint n = 0;

  open_and_wait (window, path);
  workspace = tenure_window_get_workspace (window);

  menu_button = test_find_descendant (GTK_WIDGET (window->month_selector),
                                      GTK_TYPE_MENU_BUTTON, FALSE);
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  test_settle (GTK_WIDGET (popover), 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  grid = test_find_descendant (GTK_WIDGET (popover), GTK_TYPE_GRID, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (grid);
       child != NULL && n < 12;
       child = gtk_widget_get_next_sibling (child))
    months[n++] = child;
  g_assert_cmpuint (n, ==, 12);

  /* 2026: data up to March. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (months[0])), ==, "Jan");
  g_assert_true (gtk_widget_get_sensitive (months[2]));
  g_assert_true (gtk_widget_has_css_class (months[2], "suggested-action"));
  g_assert_false (gtk_widget_get_sensitive (months[3]));
  screenshot_widget (GTK_WIDGET (popover), "month-popover");

  /* 2025: every month has data; 2024 has none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->month_selector),
                                             "month-selector.previous-year", NULL));
  for (guint i = 0; i < 12; i++)
    g_assert_true (gtk_widget_get_sensitive (months[i]));
  gtk_widget_activate_action (GTK_WIDGET (window->month_selector),
                              "month-selector.previous-year", NULL);
  g_assert_true (gtk_widget_get_sensitive (months[0]));

  g_signal_emit_by_name (months[5], "clicked");
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, TENURE_MONTH (2025, 6));
  g_assert_cmpstr (tenure_month_selector_get_label (window->month_selector), ==, "June 2025");
  test_settle (GTK_WIDGET (window), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  close_window (window);
}

/* The welcome page lists the recent workspaces that still exist; a row opens its file. */
static void
test_recent (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *gone = g_build_filename (tmpdir, "gone.tenure", NULL);
  g_autofree char *kept = create_workspace ("kept.tenure");
  const char *recent[] = { gone, kept, NULL };
  TenureWindow *window;
  GtkWidget *list;
  GtkWidget *menu_button;
  GtkListBoxRow *row;

  g_settings_set_strv (settings, "recent-workspaces", recent);
  window = new_window (1280, 800);
  g_assert_cmpuint (tenure_welcome_page_get_n_recent (window->welcome_page), ==, 1);
  screenshot (window, "welcome-recent-1280x800");

  list = test_find_descendant (GTK_WIDGET (window->welcome_page), GTK_TYPE_LIST_BOX, FALSE);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "kept");
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (tenure_window_get_loading (window));
  wait_for (window_idle, window);
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (window)), ==, kept);

  /* Both menu buttons, welcome and workspace, open with F10. */
  menu_button = test_find_descendant (gtk_stack_get_child_by_name (window->main_stack,
                                                                   "welcome"),
                                      GTK_TYPE_MENU_BUTTON, FALSE);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  menu_button = test_find_descendant (gtk_widget_get_ancestor (GTK_WIDGET (window->sidebar),
                                                               GTK_TYPE_BOX),
                                      GTK_TYPE_MENU_BUTTON, FALSE);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));

  close_window (window);
}

/* A workspace dropped on the window opens. */
static void
test_drop (void)
{
  g_autofree char *path = create_workspace ("dropped.tenure");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  TenureWindow *window = new_window (1280, 800);
  GtkDropTarget *target = NULL;
  gboolean accepted = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (tenure_window_get_loading (window));
  wait_for (window_idle, window);
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (window)), ==, path);

  g_clear_object (&controllers);
  close_window (window);
}

/* `tenure FILE.tenure` opens the file; the window's size is kept for the next one. */
static void
test_command_line (void)
{
  g_autofree char *path = create_workspace ("command-line.tenure");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TenureWindow *window;
  int width;
  int height;

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = TENURE_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  wait_for (window_idle, window);
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (window)), ==, path);

  close_window (window);

  window = new_window (1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = tenure_window_new (GTK_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file that is not a workspace, or is from a newer version: a dialog says so, the
 * window keeps what it showed. */
static void
test_open_errors (void)
{
  g_autofree char *text_path = g_build_filename (tmpdir, "notes.tenure", NULL);
  g_autofree char *newer_path = create_workspace ("newer.tenure");
  g_autofree char *good_path = create_workspace ("good.tenure");
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) newer_file = g_file_new_for_path (newer_path);
  g_autoptr(GError) error = NULL;
  TenureWindow *window = new_window (1280, 800);
  AdwMessageDialog *dialog;
  sqlite3 *handle;

  g_assert_true (g_file_set_contents (text_path, "These are my notes, not a workspace.\n", -1,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (newer_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 99", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  tenure_window_open_file (window, text_file);
  wait_for (window_idle, window);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open the Workspace");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not a Tenure workspace"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ".tenure"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_null (tenure_window_get_workspace (window));
  test_settle (GTK_WIDGET (dialog), 2);
  screenshot_widget (GTK_WIDGET (dialog), "error-not-workspace-dialog");
  close_message_dialog (dialog);
  g_assert_null (find_message_dialog (window));

  /* With a workspace open, a failed open leaves it open. */
  open_and_wait (window, good_path);
  tenure_window_open_file (window, newer_file);
  wait_for (window_idle, window);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer version of Tenure"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "workspace");
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (window)), ==, good_path);
  close_message_dialog (dialog);

  /* Both files are left as they were. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (text_path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "These are my notes, not a workspace.\n");
  }

  close_window (window);
}

/* Activating the application reopens the last workspace; the import assistant, the about
 * window and the shortcuts window open without a warning. */
static void
test_activate (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-workspace");
  g_autofree char *scheme = NULL;
  TenureWindow *window;
  GtkWindow *assistant;
  GtkWindow *about;
  GtkWindow *preferences;
  GtkWidget *style_row;
  GtkWidget *shortcuts;

  g_assert_true (g_file_test (last, G_FILE_TEST_IS_REGULAR));

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  window = TENURE_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (tenure_window_get_loading (window));
  wait_for (window_idle, window);
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (window)), ==, last);

  /* The import assistant opens over the window, into the open workspace. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  assistant = find_transient (window, TENURE_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_cmpstr (tenure_import_assistant_get_workspace (TENURE_IMPORT_ASSISTANT (assistant)),
                   ==, last);
  g_assert_cmpstr (tenure_import_assistant_get_step (TENURE_IMPORT_ASSISTANT (assistant)),
                   ==, "choose");
  gtk_window_destroy (assistant);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  test_settle (GTK_WIDGET (window), 1);
  about = find_transient (window, ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);

  /* The style preference applies at once and is kept. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  test_settle (GTK_WIDGET (window), 1);
  preferences = find_transient (window, TENURE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  style_row = test_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, FALSE);
  g_assert_nonnull (style_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style_row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  test_settle (GTK_WIDGET (preferences), 2);
  screenshot_widget (GTK_WIDGET (preferences), "preferences-dark");
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 0);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_window_destroy (preferences);

  /* The accelerators of the menu and of the shortcuts window. */
  assert_accel ("win.open", "<Control>o");
  assert_accel ("win.import", "<Control>i");
  assert_accel ("win.export", "<Control>e");
  assert_accel ("app.quit", "<Control>q");
  assert_accel ("window.close", "<Control>w");
  assert_accel ("win.show-help-overlay", "<Control>question");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  test_settle (GTK_WIDGET (window), 1);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  shortcuts = GTK_WIDGET (gtk_application_window_get_help_overlay (
    GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (shortcuts));
  test_settle (shortcuts, 2);
  screenshot_widget (shortcuts, "shortcuts-window");
  gtk_window_close (GTK_WINDOW (shortcuts));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/window/welcome", test_welcome);
  g_test_add_func ("/gui/window/demo", test_demo);
  g_test_add_func ("/gui/window/sizes", test_sizes);
  g_test_add_func ("/gui/window/open-workspace", test_open_workspace);
  g_test_add_func ("/gui/window/imported-workspace", test_imported_workspace);
  g_test_add_func ("/gui/window/empty-workspace", test_empty_workspace);
  g_test_add_func ("/gui/window/month-popover", test_month_popover);
  g_test_add_func ("/gui/window/open-errors", test_open_errors);
  g_test_add_func ("/gui/window/recent", test_recent);
  g_test_add_func ("/gui/window/drop", test_drop);
  g_test_add_func ("/gui/window/command-line", test_command_line);
  g_test_add_func ("/gui/window/activate", test_activate);
  g_test_add_func ("/gui/window/demo-twice", test_demo_twice);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);

  return status;
}
