/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults while the window is open on a copy of the demo company: a full disk, a read-only
 * file, a workspace locked by another program, a damaged file, a workspace renamed while
 * open, two windows on one workspace, and absurd values in the editors. Each writing
 * action shows a message in plain words, the workspace stays as it was, and the window
 * still works afterwards; a locked workspace never freezes it (a main-loop watchdog). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
#include "tenure-format.h"
#include "tenure-health.h"
#include "tenure-initiative.h"
#include "tenure-initiatives-page-private.h"
#include "tenure-kpi-card.h"
#include "tenure-metrics.h"
#include "tenure-onboarding-page.h"
#include "tenure-scenario-designer-private.h"
#include "tenure-overview-page.h"
#include "tenure-preferences-window.h"
#include "tenure-qualification-page.h"
#include "tenure-question-editor-view.h"
#include "tenure-qualify.h"
#include "tenure-scenario.h"
#include "tenure-scenario-designer.h"
#include "tenure-settings.h"
#include "tenure-threshold-view.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

#define DEMO_MONTH TENURE_MONTH (2026, 10)

/* Messages the user must read, in the words of tenure_db_set_error () and the window. */
#define DISK_FULL  "The disk is full: free some space, then try again. Nothing was changed"
#define READ_ONLY  "The workspace cannot be written to: you may not change this file or its " \
                   "folder. Copy it to a folder of yours and open the copy. Nothing was changed"
#define BUSY       "The workspace is being changed by another program: wait for it to " \
                   "finish, then try again"
#define DAMAGED    "The workspace file is damaged: restore it from a backup"
#define MOVED      "was moved, renamed or deleted while it was open"
#define MOVED_TOAST "“demo.tenure” was moved or renamed: open it again to save changes"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;
static char *accounts_csv;

/* The disk-full fault: every connection opened while it is set cannot grow the file. */
static gint disk_full;

static int
disk_full_entry (sqlite3                     *db,
                 char                       **message,
                 const sqlite3_api_routines  *api)
{
  sqlite3_stmt *stmt = NULL;
  gint64 pages = 0;

  if (!g_atomic_int_get (&disk_full))
    return SQLITE_OK;

  if (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (pages > 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                                                 pages);

      sqlite3_exec (db, pragma, NULL, NULL, NULL);
    }

  return SQLITE_OK;
}

static gboolean
assistant_idle (gpointer data)
{
  return !tenure_import_assistant_get_busy (data);
}

static gboolean
preferences_idle (gpointer data)
{
  return !tenure_preferences_window_get_health_busy (data);
}

static gboolean
exporter_idle (gpointer data)
{
  return !tenure_report_exporter_get_busy (data);
}

/* The first label under @widget whose text contains @needle, or NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *needle;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->root, wait->needle) != NULL;
}

/* Waits until a label under @root says @needle, and returns its whole text. */
static const char *
wait_for_label (GtkWidget  *root,
                const char *needle)
{
  LabelWait wait = { root, needle };

  wait_for (label_shown, &wait);
  return gtk_label_get_text (find_label (root, needle));
}

/* The first label on screen under @widget whose text contains @needle, or NULL: a toast,
 * or a message the editor shows now (not one it hid). */
static GtkLabel *
find_mapped_label (GtkWidget  *widget,
                   const char *needle)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_mapped_label (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
mapped_label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_mapped_label (wait->root, wait->needle) != NULL;
}

/* Waits until a label on screen under @root says @needle. */
static void
wait_for_mapped_label (GtkWidget  *root,
                       const char *needle)
{
  LabelWait wait = { root, needle };

  wait_for (mapped_label_shown, &wait);
}

/* The widget under @widget named @name (gtk_widget_set_name ()), or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls the page around @widget so that @widget is near the top. */
static void
scroll_to_widget (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  test_settle (scroller, 2);
  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            MAX (0, y - 200));
  test_settle (scroller, 2);
}

/* The main-loop watchdog of bench/bench-gui.c: a high-priority 10 ms timeout, whose
 * lateness past its interval is the time the main loop went without dispatching. */
#define WATCHDOG_INTERVAL_MS 10
#define STALL_LIMIT_MS 100
/* Showing a page or a question builds widgets and lays out the whole window: on a loaded
 * test machine the Qualification page's first show stalls 150 ms with the demo's five
 * questions (bench/README.md), and building 50 rows of answers 40 to 200 ms. With a question
 * of 10,000 answers the page stalled 7.5 s (a chart bar and a table row for each answer),
 * and its editor built 10,000 rows: such actions must stay in the range of the ordinary
 * ones, well under this. */
#define FREEZE_LIMIT_MS 1000

typedef struct
{
  gint64 last_tick;
  double max_late_ms;
  guint  source;
} Watchdog;

static gboolean
watchdog_tick_cb (gpointer data)
{
  Watchdog *watchdog = data;
  gint64 now = g_get_monotonic_time ();
  double late = (now - watchdog->last_tick) / 1000.0 - WATCHDOG_INTERVAL_MS;

  watchdog->max_late_ms = MAX (watchdog->max_late_ms, late);
  watchdog->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_main_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef void (*WriteFunc) (gpointer data);

/* Runs @write, a user's action in @window, with the main loop turning before and after,
 * and fails when the main loop went more than @limit_ms without dispatching. */
static void
assert_stall_below (GtkWidget  *window,
                    const char *what,
                    WriteFunc   write,
                    gpointer    data,
                    double      limit_ms)
{
  Watchdog watchdog = { 0, 0, 0 };
  gint64 start;
  double took;

  /* What the test did before (a page shown) is drawn first. */
  test_settle (window, 2);
  watchdog.last_tick = g_get_monotonic_time ();
  watchdog.source = g_timeout_add_full (G_PRIORITY_HIGH, WATCHDOG_INTERVAL_MS, watchdog_tick_cb,
                                        &watchdog, NULL);
  run_main_loop (30);
  start = g_get_monotonic_time ();
  write (data);
  took = (g_get_monotonic_time () - start) / 1000.0;
  run_main_loop (60);
  watchdog_tick_cb (&watchdog);
  g_source_remove (watchdog.source);

  g_test_message ("%s: took %.1f ms; the main loop was late by %.1f ms at most", what,
                  took, watchdog.max_late_ms);
  g_assert_cmpfloat (watchdog.max_late_ms, <, limit_ms);
}

/* As assert_stall_below (), for an edit: the window never freezes (100 ms). */
static void
assert_no_stall (GtkWidget  *window,
                 const char *what,
                 WriteFunc   write,
                 gpointer    data)
{
  assert_stall_below (window, what, write, data, STALL_LIMIT_MS);
}

static char *
copy_demo (const char *folder,
           const char *name)
{
  g_autofree char *dir = g_build_filename (tmpdir, folder, NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (demo_path);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL,
                              &error));
  g_assert_no_error (error);

  return path;
}

/* The integrity check, then every table's rows in a checksum: equal states mean nothing
 * was written. */
static char *
workspace_state (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_autoptr(GString) state = g_string_new (NULL);
  g_autofree char *integrity = NULL;

  g_assert_no_error (error);
  integrity = tenure_db_integrity_check (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (integrity, ==, "ok");

  for (guint i = 0; tenure_db_tables[i] != NULL; i++)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", tenure_db_tables[i]);
      sqlite3_stmt *stmt = NULL;
      guint rows = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                       SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              g_checksum_update (checksum, text != NULL ? text : (const guchar *) "\1", -1);
              g_checksum_update (checksum, (const guchar *) "\t", 1);
            }
          rows++;
        }
      sqlite3_finalize (stmt);
      g_string_append_printf (state, "%s=%u:%.12s ", tenure_db_tables[i], rows,
                              g_checksum_get_string (checksum));
    }

  return g_string_free (g_steal_pointer (&state), FALSE);
}

static TenureWindow *
new_window (int width,
            int height)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);

  return window;
}

static TenureWindow *
open_window (const char *path)
{
  TenureWindow *window = new_window (1280, 800);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));
  tenure_workspace_set_month (tenure_window_get_workspace (window), DEMO_MONTH);
  wait_for (page_settled, tenure_window_get_visible_page (window));

  return window;
}

static TenurePage *
show_page (TenureWindow *window,
           const char   *name)
{
  TenurePage *page;

  tenure_window_show_page (window, name);
  page = tenure_window_get_visible_page (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages_stack), ==, name);
  wait_for (page_settled, page);

  return page;
}

static char *
core_mrr (const char *path,
          int         month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_autoptr(TenureMetrics) metrics = NULL;

  g_assert_no_error (error);
  metrics = tenure_metrics_compute (db, month, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (metrics->figures.mrr_cents, >, 0);

  return tenure_format_money (metrics->figures.mrr_cents, metrics->currency, TENURE_FORMAT_NONE,
                              TENURE_LANGUAGE_DEFAULT);
}

/* The window still works: the Overview shows the core's MRR for two months, and another
 * page loads. */
static void
assert_usable (TenureWindow *window)
{
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  const char *path = tenure_workspace_get_path (workspace);
  TenureOverviewPage *overview;

  for (int month = DEMO_MONTH; month >= DEMO_MONTH - 1; month--)
    {
      g_autofree char *expected = core_mrr (path, month);

      tenure_workspace_set_month (workspace, month);
      overview = TENURE_OVERVIEW_PAGE (show_page (window, "overview"));
      g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (overview)), ==, month);
      g_assert_cmpstr (tenure_kpi_card_get_value (TENURE_KPI_CARD (
                         tenure_overview_page_get_card (overview, TENURE_OVERVIEW_MRR))), ==,
                       expected);
    }
  show_page (window, "revenue");
  show_page (window, "initiatives");
  tenure_workspace_set_month (workspace, DEMO_MONTH);
}

static TenureInitiativesPage *
show_initiatives (TenureWindow *window)
{
  return TENURE_INITIATIVES_PAGE (show_page (window, "initiatives"));
}

/* Opens the initiative form and fills it as a user does. */
static void
fill_initiative (TenureInitiativesPage *page,
                 const char            *name,
                 const char            *notes)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page->new_button)));
  g_signal_emit_by_name (page->new_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "form");
  gtk_editable_set_text (GTK_EDITABLE (page->name_row), name);
  gtk_spin_button_set_value (page->cost_spin, 1200);
  gtk_editable_set_text (GTK_EDITABLE (page->notes_row), notes);
}

/* Fills the initiative form and presses Save. */
static void
save_initiative (TenureInitiativesPage *page,
                 const char            *name,
                 const char            *notes)
{
  fill_initiative (page, name, notes);
  g_signal_emit_by_name (page->save_button, "clicked");
}

/* Save was refused: the form stays, with @message under it. */
static void
assert_form_refused (TenureInitiativesPage *page,
                     const char            *message)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "form");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->form_error)));
  g_test_message ("initiative form: %s", gtk_label_get_label (page->form_error));
  g_assert_nonnull (strstr (gtk_label_get_label (page->form_error), message));
}

static void
cancel_form (TenureInitiativesPage *page)
{
  g_signal_emit_by_name (page->cancel_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "list");
}

/* The import assistant's own path: check, import, and the message when it fails (at the
 * check already when the workspace cannot even be read the way the check reads it). */
static void
import_refused (TenureWindow *window,
                const char   *message,
                const char   *screenshot_name)
{
  g_autoptr(GFile) file = g_file_new_for_path (accounts_csv);
  TenureImportAssistant *assistant = tenure_window_import (window, file);
  g_autofree char *errors = NULL;

  wait_for (assistant_idle, assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  errors = tenure_import_assistant_get_errors (assistant);
  if (errors == NULL)
    {
      g_assert_true (tenure_import_assistant_get_can_import (assistant));
      tenure_import_assistant_import (assistant);
      wait_for (assistant_idle, assistant);
      g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
      errors = tenure_import_assistant_get_errors (assistant);
    }
  else
    {
      g_test_message ("refused at the check");
      g_assert_false (tenure_import_assistant_get_can_import (assistant));
    }
  g_test_message ("import: %s", errors);
  g_assert_nonnull (errors);
  g_assert_nonnull (strstr (errors, message));
  wait_for_label (GTK_WIDGET (assistant), message);
  /* The workspace refused, not the file: nobody is asked to correct the file. */
  g_assert_nonnull (find_label (GTK_WIDGET (assistant), "Nothing was imported"));
  g_assert_null (find_label (GTK_WIDGET (assistant), "Correct the file"));
  if (screenshot_name != NULL)
    test_screenshot (GTK_WIDGET (assistant), screenshot_name);
  close_window (GTK_WINDOW (assistant));
}

/* The health weights saved from the preferences; their description says why not. */
static void
weights_refused (TenureWindow *window,
                 const char   *message,
                 const char   *screenshot_name)
{
  TenurePreferencesWindow *preferences;
  GtkSpinButton *spin;

  preferences = TENURE_PREFERENCES_WINDOW (tenure_preferences_window_new (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "health");
  wait_for (preferences_idle, preferences);
  spin = tenure_preferences_window_get_weight_button (preferences, TENURE_HEALTH_JOBS);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin)));
  gtk_spin_button_set_value (spin, gtk_spin_button_get_value (spin) + 5);
  wait_for (preferences_idle, preferences);
  g_test_message ("health weights: %s", tenure_preferences_window_get_backtest_text (preferences));
  g_assert_nonnull (strstr (tenure_preferences_window_get_backtest_text (preferences), message));
  if (screenshot_name != NULL)
    test_screenshot (GTK_WIDGET (preferences), screenshot_name);
  close_window (GTK_WINDOW (preferences));
}

/* A disk that fills up: the initiative with long notes and the import are refused in
 * plain words, nothing is written, and the window keeps working. */
static void
test_disk_full (void)
{
  g_autofree char *path = copy_demo ("full", "demo.tenure");
  g_autofree char *before = workspace_state (path);
  g_autofree char *after = NULL;
  g_autofree char *notes = g_strnfill (60000, 'n');
  TenureInitiativesPage *page;
  TenureWindow *window;

  g_atomic_int_set (&disk_full, TRUE);
  window = open_window (path);

  page = show_initiatives (window);
  save_initiative (page, "Onboarding calls", notes);
  assert_form_refused (page, DISK_FULL);
  test_screenshot (GTK_WIDGET (window), "faults-disk-full-initiative");
  cancel_form (page);

  import_refused (window, DISK_FULL, "faults-disk-full-import");
  assert_usable (window);
  close_window (GTK_WINDOW (window));
  g_atomic_int_set (&disk_full, FALSE);

  after = workspace_state (path);
  g_assert_cmpstr (after, ==, before);

  window = open_window (path);
  assert_usable (window);
  close_window (GTK_WINDOW (window));
}

/* Root may write any file: the read-only tests look at them as nobody, as a user would. */
static void
become_nobody (void)
{
  if (getuid () == 0)
    {
      g_assert_cmpint (g_chmod (tmpdir, 0755), ==, 0);
      g_assert_cmpint (setegid (65534), ==, 0);
      g_assert_cmpint (seteuid (65534), ==, 0);
    }
}

static void
become_self (void)
{
  if (getuid () == 0)
    {
      g_assert_cmpint (seteuid (0), ==, 0);
      g_assert_cmpint (setegid (0), ==, 0);
    }
}

/* A workspace the user may not change (a colleague's, on a share): it opens read-only,
 * says so, its editors are off, writes through the assistant are refused, reading and
 * the report work. */
static void
test_read_only_file (void)
{
  g_autofree char *path = copy_demo ("read-only", "demo.tenure");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *before = workspace_state (path);
  g_autofree char *after = NULL;
  g_autofree char *out_dir = g_build_filename (tmpdir, "reports", NULL);
  g_autofree char *report = g_build_filename (out_dir, "read-only.xlsx", NULL);
  g_autoptr(GFile) report_file = g_file_new_for_path (report);
  TenureInitiativesPage *page;
  TenureWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (out_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  become_nobody ();

  window = open_window (path);
  g_assert_true (tenure_workspace_get_read_only (tenure_window_get_workspace (window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   "demo.tenure (read-only)");
  wait_for_label (GTK_WIDGET (window),
                  "Read-only workspace: copy it to a folder of yours to change it");

  page = show_initiatives (window);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page->new_button)));

  import_refused (window, READ_ONLY, NULL);

  tenure_window_export_report_to (window, report_file);
  wait_for (exporter_idle, window->exporter);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  assert_usable (window);
  become_self ();
  test_screenshot (GTK_WIDGET (window), "faults-read-only-window");
  close_window (GTK_WINDOW (window));

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  after = workspace_state (path);
  g_assert_cmpstr (after, ==, before);
}

/* The file made read-only while the window shows it: the writes that open the file again
 * (the health weights, an import) are refused in plain words. */
static void
test_read_only_later (void)
{
  g_autofree char *path = copy_demo ("read-only-later", "demo.tenure");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *before = workspace_state (path);
  g_autofree char *after = NULL;
  TenureWindow *window;

  window = open_window (path);
  g_assert_false (tenure_workspace_get_read_only (tenure_window_get_workspace (window)));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  become_nobody ();

  weights_refused (window, READ_ONLY, NULL);
  import_refused (window, READ_ONLY, NULL);
  assert_usable (window);
  become_self ();
  close_window (GTK_WINDOW (window));

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  after = workspace_state (path);
  g_assert_cmpstr (after, ==, before);
}

/* The user's edits tried while another program holds the workspace, then again once it
 * let go. */
typedef struct
{
  TenureWindow             *window;
  TenureInitiativesPage    *initiatives;
  TenureOnboardingPage     *onboarding;
  TenureScenarioDesigner   *designer;
  TenureQualificationPage  *qualification;
  GtkSpinButton            *points;
  GtkWidget                *preferences;
  GtkSpinButton            *target;
  gint64                    option_id;
  const char               *text;
  int                       value;
} LockedEdits;

/* Save pressed in the filled form. */
static void
write_initiative (gpointer data)
{
  LockedEdits *edits = data;

  g_signal_emit_by_name (edits->initiatives->save_button, "clicked");
}

static void
write_initiative_undo (gpointer data)
{
  LockedEdits *edits = data;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (edits->initiatives), "initiatives.undo",
                                             NULL));
}

static void
write_step_title (gpointer data)
{
  LockedEdits *edits = data;

  gtk_editable_set_text (tenure_scenario_designer_get_title_entry (edits->designer), edits->text);
}

static void
write_scenario_name (gpointer data)
{
  LockedEdits *edits = data;

  gtk_editable_set_text (GTK_EDITABLE (edits->designer->name_row), edits->text);
}

static void
write_points (gpointer data)
{
  LockedEdits *edits = data;

  gtk_spin_button_set_value (edits->points, edits->value);
}

/* Not a write: the questions read through the editor's connection, which reads while
 * another program writes (a write-ahead log), without waiting. */
static void
read_questions (gpointer data)
{
  LockedEdits *edits = data;
  TenureQuestionEditorView *view = tenure_qualification_page_get_questions_view (
    edits->qualification);
  TenureQuestionEditor *editor = tenure_question_editor_view_get_editor (view);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;

  questions = tenure_qualify_list_questions (tenure_question_editor_get_db (editor), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, tenure_question_editor_view_get_questions (view)->len);
}

static void
write_threshold (gpointer data)
{
  LockedEdits *edits = data;
  TenureThresholdView *view = tenure_qualification_page_get_threshold_view (edits->qualification);

  tenure_threshold_view_set_threshold (view, edits->value);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "simulation.use-threshold", NULL));
}

static void
write_target (gpointer data)
{
  LockedEdits *edits = data;

  gtk_spin_button_set_value (edits->target, edits->value);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  g_assert_true (tenure_db_query_int_checked (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* The pages and the preferences ready for the edits: the designer on the demo's first
 * scenario and its first step, the first question's first answer, the targets. */
static void
locked_edits_prepare (LockedEdits *edits,
                      const char  *path)
{
  TenureQuestionEditorView *view;
  GPtrArray *questions;
  const TenureQuestion *question;
  gint64 scenario_id;

  edits->onboarding = TENURE_ONBOARDING_PAGE (show_page (edits->window, "onboarding"));
  scenario_id = query_int (path, "SELECT min (id) FROM scenario");
  g_assert_cmpint (scenario_id, >, 0);
  tenure_onboarding_page_open_scenario (edits->onboarding, scenario_id);
  g_assert_cmpstr (tenure_onboarding_page_get_view (edits->onboarding), ==, "designer");
  edits->designer = tenure_onboarding_page_get_designer (edits->onboarding);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (edits->designer), >, 0);
  tenure_scenario_designer_select_row (edits->designer, 0);

  edits->qualification = TENURE_QUALIFICATION_PAGE (show_page (edits->window, "qualification"));
  view = tenure_qualification_page_get_questions_view (edits->qualification);
  questions = tenure_question_editor_view_get_questions (view);
  g_assert_cmpuint (questions->len, >, 0);
  question = g_ptr_array_index (questions, 0);
  tenure_question_editor_view_select (view, question->id);
  edits->points = tenure_question_editor_view_get_points_button (
    view, ((TenureOption *) g_ptr_array_index (question->options, 0))->id);
  g_assert_nonnull (edits->points);
  edits->option_id = ((TenureOption *) g_ptr_array_index (question->options, 0))->id;

  edits->preferences = tenure_preferences_window_new (GTK_WINDOW (edits->window));
  gtk_window_present (GTK_WINDOW (edits->preferences));
  wait_for (widget_mapped, edits->preferences);
  edits->target = g_object_get_data (G_OBJECT (find_named (edits->preferences,
                                                           "target_nrr_pct")), "spin");
  g_assert_nonnull (edits->target);
}

/* Another program holds a write transaction. Each edit of the window is refused at once
 * (the main loop never waits more than 100 ms), says so in plain words where the editor
 * shows its errors, keeps what the user typed, records no undo step and writes nothing;
 * reading goes on. Once the program let go, the user tries again, and the same edits
 * are saved. */
static void
test_locked (void)
{
  g_autofree char *path = copy_demo ("locked", "demo.tenure");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *option_sql = NULL;
  LockedEdits edits = { NULL };
  const TenureAudit *audit;
  int points;
  int threshold;
  int input = -1;
  GPid holder;

  edits.window = open_window (path);
  edits.initiatives = show_initiatives (edits.window);
  /* An edit before the lock, to undo under it. */
  save_initiative (edits.initiatives, "Before the lock", "Saved at once");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (edits.initiatives->stack), ==, "list");
  locked_edits_prepare (&edits, path);
  option_sql = g_strdup_printf ("SELECT points FROM option WHERE id = %" G_GINT64_FORMAT,
                                edits.option_id);
  points = gtk_spin_button_get_value_as_int (edits.points);
  g_assert_cmpint (query_int (path, option_sql), ==, points);
  audit = tenure_qualification_page_get_audit (edits.qualification);
  g_assert_nonnull (audit);
  g_assert_cmpuint (audit->thresholds->len, >, 1);
  threshold = g_array_index (audit->thresholds, TenureThresholdRow, 1).threshold;
  before = workspace_state (path);

  holder = test_start_sqlite3 (path, "BEGIN EXCLUSIVE; "
                                "INSERT INTO job (name) VALUES ('Lock holder');", &input);

  /* Initiatives: a new one, and undo. */
  show_initiatives (edits.window);
  fill_initiative (edits.initiatives, "Onboarding calls", "A call in the first week");
  run_main_loop (50);
  assert_no_stall (GTK_WIDGET (edits.window), "initiative saved", write_initiative, &edits);
  assert_form_refused (edits.initiatives, BUSY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (edits.initiatives->name_row)), ==,
                   "Onboarding calls");
  test_screenshot (GTK_WIDGET (edits.window), "faults-locked-initiative");
  cancel_form (edits.initiatives);
  assert_no_stall (GTK_WIDGET (edits.window), "initiative undone", write_initiative_undo,
                   &edits);
  wait_for_mapped_label (GTK_WIDGET (edits.initiatives), BUSY);
  test_screenshot (GTK_WIDGET (edits.window), "faults-locked-undo");
  g_assert_true (tenure_initiative_editor_can_undo (edits.initiatives->editor));

  /* The onboarding designer: a step's title, the scenario's name. */
  show_page (edits.window, "onboarding");
  edits.text = "Welcome call, booked at once";
  assert_no_stall (GTK_WIDGET (edits.window), "step title typed", write_step_title, &edits);
  g_assert_nonnull (strstr (tenure_scenario_designer_get_step_error (edits.designer), BUSY));
  g_assert_cmpstr (gtk_editable_get_text (tenure_scenario_designer_get_title_entry (
                     edits.designer)), ==, edits.text);
  edits.text = "First weeks of a new customer";
  assert_no_stall (GTK_WIDGET (edits.window), "scenario renamed", write_scenario_name, &edits);
  wait_for_mapped_label (GTK_WIDGET (edits.designer), BUSY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (edits.designer->name_row)), ==,
                   edits.text);
  /* The step editor and its message in view. */
  scroll_to_widget (GTK_WIDGET (tenure_scenario_designer_get_title_entry (edits.designer)));
  test_screenshot (GTK_WIDGET (edits.window), "faults-locked-designer");

  /* The qualification questions: an answer's points; the threshold for the report. */
  show_page (edits.window, "qualification");
  tenure_qualification_page_show_view (edits.qualification, "questions");
  edits.value = points + 1;
  assert_no_stall (GTK_WIDGET (edits.window), "answer's points changed", write_points,
                   &edits);
  g_assert_nonnull (strstr (tenure_question_editor_view_get_error (
                      tenure_qualification_page_get_questions_view (edits.qualification)), BUSY));
  /* The refused points are not shown as if they were saved. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (edits.points), ==, points);
  assert_no_stall (GTK_WIDGET (edits.window), "questions read again", read_questions, &edits);
  tenure_qualification_page_show_view (edits.qualification, "simulation");
  edits.value = threshold;
  assert_no_stall (GTK_WIDGET (edits.window), "threshold picked", write_threshold, &edits);
  wait_for_mapped_label (GTK_WIDGET (edits.qualification), BUSY);

  /* The preferences: a target (on the main thread), the health weights (in a worker). */
  edits.value = (int) gtk_spin_button_get_value (edits.target) + 5;
  assert_no_stall (edits.preferences, "target changed", write_target, &edits);
  wait_for_mapped_label (edits.preferences, BUSY);
  test_screenshot (edits.preferences, "faults-locked-target");
  close_window (GTK_WINDOW (edits.preferences));
  weights_refused (edits.window, BUSY, "faults-locked-preferences");
  import_refused (edits.window, BUSY, NULL);
  assert_usable (edits.window);

  test_stop_sqlite3 (holder, input);
  after = workspace_state (path);
  g_assert_cmpstr (after, ==, before);

  /* The lock gone, the user tries again: undo, save, type on, pick again. */
  show_initiatives (edits.window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (edits.initiatives), "initiatives.undo",
                                             NULL));
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM initiative "
                                    "WHERE name = 'Before the lock'"), ==, 0);
  save_initiative (edits.initiatives, "Onboarding calls", "A call in the first week");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (edits.initiatives->stack), ==, "list");
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM initiative "
                                    "WHERE name = 'Onboarding calls'"), ==, 1);

  show_page (edits.window, "onboarding");
  edits.text = "Welcome call, booked at once!";
  write_step_title (&edits);
  g_assert_null (tenure_scenario_designer_get_step_error (edits.designer));
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM step "
                                    "WHERE title = 'Welcome call, booked at once!'"), ==, 1);
  edits.text = "First weeks of a new customer!";
  write_scenario_name (&edits);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM scenario "
                                    "WHERE name = 'First weeks of a new customer!'"), ==, 1);

  show_page (edits.window, "qualification");
  tenure_qualification_page_show_view (edits.qualification, "questions");
  locked_edits_prepare (&edits, path);
  edits.value = points + 2;
  write_points (&edits);
  g_assert_null (tenure_question_editor_view_get_error (
                   tenure_qualification_page_get_questions_view (edits.qualification)));
  g_assert_cmpint (query_int (path, option_sql), ==, points + 2);
  tenure_qualification_page_show_view (edits.qualification, "simulation");
  edits.value = threshold;
  write_threshold (&edits);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
    int stored = G_MININT;
    double target;

    g_assert_no_error (error);
    g_assert_true (tenure_qualify_get_threshold (db, &stored));
    g_assert_cmpint (stored, ==, threshold);

    edits.value = (int) gtk_spin_button_get_value (edits.target) + 5;
    write_target (&edits);
    target = tenure_settings_get_number (db, "target_nrr_pct");
    g_assert_cmpfloat (target, ==, edits.value);
  }
  close_window (GTK_WINDOW (edits.preferences));
  close_window (GTK_WINDOW (edits.window));
}

/* A copy with damaged pages: opening it, or reading it, says it is damaged and to use a
 * backup; no report is written; the original is untouched; the window opens another
 * workspace and works. */
static void
test_damaged (void)
{
  g_autofree char *path = copy_demo ("damaged", "demo.tenure");
  g_autofree char *damaged = g_build_filename (tmpdir, "damaged", "damaged.tenure", NULL);
  g_autofree char *report = g_build_filename (tmpdir, "damaged", "report.xlsx", NULL);
  g_autofree char *original = test_checksum_file (demo_path);
  g_autofree char *sum = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (damaged);
  g_autoptr(GFile) good = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  TenureWindow *window;
  gsize length = 0;
  gsize middle;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 64 * 4096);
  middle = (length / 2) & ~(gsize) 4095;
  memset (contents + middle, 0xa5, 16 * 4096);
  g_assert_true (g_file_set_contents (damaged, contents, (gssize) length, NULL));

  window = new_window (1280, 800);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);

  if (tenure_window_get_workspace (window) == NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (test_find_transient (GTK_WINDOW (window),
                                                        ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      g_test_message ("open: %s", adw_message_dialog_get_body (dialog));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), DAMAGED));
    }
  else
    {
      g_autoptr(GFile) report_file = g_file_new_for_path (report);

      /* The Overview reads the damaged pages. */
      g_test_message ("page: %s", wait_for_label (GTK_WIDGET (window), DAMAGED));
      tenure_window_export_report_to (window, report_file);
      wait_for (exporter_idle, window->exporter);
      dialog = ADW_MESSAGE_DIALOG (test_find_transient (GTK_WINDOW (window),
                                                        ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      g_test_message ("report: %s", adw_message_dialog_get_body (dialog));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), DAMAGED));
      g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
    }
  test_screenshot (GTK_WIDGET (dialog), "faults-damaged");
  adw_message_dialog_response (dialog, "close");
  close_window (GTK_WINDOW (dialog));

  tenure_window_open_file (window, good);
  wait_for (window_idle, window);
  wait_for (page_settled, tenure_window_get_visible_page (window));
  assert_usable (window);
  close_window (GTK_WINDOW (window));

  sum = test_checksum_file (demo_path);
  g_assert_cmpstr (sum, ==, original);
}

/* The workspace renamed while the window shows it: the window says so at once, a save
 * is refused with the same words, nothing is lost, and it opens under its new name. */
static void
test_renamed (void)
{
  g_autofree char *path = copy_demo ("renamed", "demo.tenure");
  g_autofree char *moved = g_build_filename (tmpdir, "renamed", "moved.tenure", NULL);
  g_autofree char *before = workspace_state (path);
  g_autofree char *after = NULL;
  TenureInitiativesPage *page;
  TenureWindow *window;

  window = open_window (path);
  page = show_initiatives (window);
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_test_message ("window: %s", wait_for_label (GTK_WIDGET (window), MOVED_TOAST));

  save_initiative (page, "Onboarding calls", "A call in the first week");
  assert_form_refused (page, MOVED);
  /* The file by its name, as the window's toast says it, not its whole path. */
  g_assert_nonnull (strstr (gtk_label_get_label (page->form_error),
                            "The workspace “demo.tenure” was moved"));
  g_assert_null (strstr (gtk_label_get_label (page->form_error), tmpdir));
  test_screenshot (GTK_WIDGET (window), "faults-renamed");
  cancel_form (page);
  close_window (GTK_WINDOW (window));

  after = workspace_state (moved);
  g_assert_cmpstr (after, ==, before);
  window = open_window (moved);
  assert_usable (window);
  close_window (GTK_WINDOW (window));
}

static guint
count_cards (TenureInitiativesPage *page)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page->cards_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

typedef struct
{
  TenureInitiativesPage *page;
  guint                  n;
} CardsWait;

static gboolean
cards_are (gpointer data)
{
  CardsWait *wait = data;

  return page_settled (wait->page) && count_cards (wait->page) == wait->n;
}

static void
wait_for_cards (TenureInitiativesPage *page,
                guint                  n)
{
  CardsWait wait = { page, n };

  wait_for (cards_are, &wait);
}

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* One workspace, two windows. Opening a workspace that a window shows brings that window
 * forward instead (as GNOME Text Editor does). Two windows on one workspace anyway (one
 * more program, here tenure-cli, or both opened through the API) each keep the other's
 * changes and show them within seconds. */
static void
test_two_windows (void)
{
  g_autofree char *path = copy_demo ("two-windows", "demo.tenure");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TenureInitiativesPage *first_page;
  TenureInitiativesPage *second_page;
  TenureWindow *first;
  TenureWindow *second;
  guint n_windows;

  first = open_window (path);
  g_assert_true (tenure_window_find_for_file (GTK_APPLICATION (app), file) == first);

  /* Opened again from another window, or from the file manager: the first comes forward. */
  second = new_window (1280, 800);
  tenure_window_open_or_present (second, file);
  g_assert_false (tenure_window_get_loading (second));
  g_assert_null (tenure_window_get_workspace (second));
  n_windows = count_windows ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (count_windows (), ==, n_windows);
  g_assert_false (tenure_window_get_loading (second));

  /* Both on it all the same. */
  tenure_window_open_file (second, file);
  wait_for (window_idle, second);
  tenure_workspace_set_month (tenure_window_get_workspace (second), DEMO_MONTH);
  g_test_message ("two windows on one workspace");
  first_page = show_initiatives (first);
  second_page = show_initiatives (second);
  g_assert_cmpuint (count_cards (first_page), ==, 2);
  g_assert_cmpuint (count_cards (second_page), ==, 2);

  gtk_window_present (GTK_WINDOW (first));
  save_initiative (first_page, "From the first window", "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (first_page->stack), ==, "list");
  g_test_message ("saved in the first window");
  wait_for_cards (first_page, 3);
  g_test_message ("shown in the first window");
  wait_for_cards (second_page, 3);
  g_test_message ("shown in the second window");

  gtk_window_present (GTK_WINDOW (second));
  save_initiative (second_page, "From the second window", "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (second_page->stack), ==, "list");
  wait_for_cards (second_page, 4);
  wait_for_cards (first_page, 4);
  g_test_message ("both show the second window's");

  /* Both are saved; another program adds one: both windows show it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
    g_autoptr(GPtrArray) roi = NULL;

    g_assert_no_error (error);
    roi = tenure_initiative_roi (db, DEMO_MONTH, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (roi->len, ==, 4);
  }
  {
    const char *argv[] = { "sqlite3", path,
                           "INSERT INTO initiative (name, cost_cents, start_month, end_month,"
                           " segment, notes) SELECT 'From another program', 100, start_month,"
                           " end_month, segment, '' FROM initiative WHERE segment IS NOT NULL"
                           " LIMIT 1", NULL };
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  wait_for_cards (first_page, 5);
  wait_for_cards (second_page, 5);
  test_screenshot (GTK_WIDGET (second), "faults-two-windows");

  close_window (GTK_WINDOW (second));
  close_window (GTK_WINDOW (first));
}

/* The width of the 800×600 window as drawn, before any absurd value is shown. */
static int narrow_width;

static gboolean
width_is (TenureWindow *window,
          int           width)
{
  test_settle (GTK_WIDGET (window), 2);
  return gtk_widget_get_width (GTK_WIDGET (window)) == width;
}

/* Shows @page at 800×600 and checks that nothing made the window grow. */
static void
show_narrow (TenureWindow *window,
             const char   *page,
             const char   *name)
{
  show_page (window, page);
  width_is (window, narrow_width);
  test_screenshot (GTK_WIDGET (window), name);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, narrow_width);
}

typedef struct
{
  TenureWindow *window;
  gint64        question_id;
} AbsurdQuestion;

static void
show_qualification (gpointer data)
{
  AbsurdQuestion *absurd = data;

  show_page (absurd->window, "qualification");
}

static void
show_more_answers (gpointer data)
{
  g_assert_true (gtk_widget_activate_action (data, "editor.show-more-options", NULL));
}

static void
select_question (gpointer data)
{
  AbsurdQuestion *absurd = data;
  TenureQualificationPage *page = TENURE_QUALIFICATION_PAGE (
    tenure_window_get_visible_page (absurd->window));
  TenureQuestionEditorView *view = tenure_qualification_page_get_questions_view (page);

  tenure_qualification_page_show_view (page, "questions");
  tenure_question_editor_view_select (view, absurd->question_id);
  g_assert_cmpint (tenure_question_editor_view_get_selected (view), ==, absurd->question_id);
}

/* Absurd values: a 100,000-character initiative name, a 2,000-character step title,
 * emoji and right-to-left text, a question with 10,000 options, a negative day typed in
 * a spin button. Kept whole or refused in words, and the pages keep their width at
 * 800×600 (long text is cut with "…"). */
static void
test_absurd (void)
{
  g_autofree char *path = copy_demo ("absurd", "demo.tenure");
  g_autofree char *huge = g_strnfill (100000, 'W');
  g_autofree char *long_title = g_strnfill (2000, 'T');
  g_autofree char *max_title = g_strnfill (TENURE_SCENARIO_MAX_CHARS, 'T');
  const char *names[] = {
    "مرحبا بكم في الخدمة — الترحيب بالعملاء الجدد",
    "ברוכים הבאים 🚀 Welcome مرحبا 👋🏽",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_DEFAULT, &error);
  g_autoptr(TenureQuestionEditor) questions = NULL;
  g_autoptr(TenureScenario) loaded = NULL;
  TenureInitiativesPage *initiatives;
  TenureOnboardingPage *onboarding;
  TenureScenarioDesigner *designer;
  TenureWindow *window;
  AbsurdQuestion absurd;
  gint64 scenario = 0;
  gint64 question;
  gint64 initiative_count;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      scenario = tenure_scenario_create (db, names[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (tenure_scenario_add_step (db, scenario, 0, TENURE_STEP_CONTENT, names[i],
                                                 &error), >, 0);
      /* A 2,000-character title is refused with a sentence saying how long it may be;
       * the longest allowed one is laid out below. */
      g_assert_cmpint (tenure_scenario_add_step (db, scenario, 3, TENURE_STEP_CONTENT, long_title,
                                                 &error), ==, 0);
      g_assert_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_TOO_LONG);
      g_clear_error (&error);
      g_assert_cmpint (tenure_scenario_add_step (db, scenario, 3, TENURE_STEP_CONTENT, max_title,
                                                 &error), >, 0);
      g_assert_no_error (error);
    }

  /* The question through its editor; its 10,000 options in one transaction (adding them
   * one by one through the editor, or importing them from a questions file, compares
   * each new option with all the others: 50 million Unicode normalisations). */
  questions = tenure_question_editor_new (db);
  question = tenure_question_editor_add_question (questions, names[1], TENURE_QUESTION_SINGLE,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (question, >, 0);
  {
    g_autofree char *sql =
      g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < 9999) "
                       "INSERT INTO option (question_id, position, text, points) "
                       "SELECT %" G_GINT64_FORMAT ", i, CASE i %% 2 WHEN 0 THEN 'Option ' "
                       "ELSE '%s ' END || i, i %% 5 FROM n", question, names[0]);

    g_assert_true (tenure_db_begin (db, &error));
    g_assert_true (tenure_db_exec (db, sql, &error));
    g_assert_true (tenure_db_commit (db, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&questions);
  g_clear_pointer (&db, tenure_db_close);

  window = new_window (800, 600);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    tenure_window_open_file (window, file);
    wait_for (window_idle, window);
    tenure_workspace_set_month (tenure_window_get_workspace (window), DEMO_MONTH);
    show_page (window, "revenue");
    test_settle (GTK_WIDGET (window), 2);
    narrow_width = gtk_widget_get_width (GTK_WIDGET (window));
    g_assert_cmpint (narrow_width, >, 700);
    g_assert_cmpint (narrow_width, <=, 800);
  }

  /* Initiatives named through the form: 100,000 characters, and right-to-left. */
  initiatives = show_initiatives (window);
  save_initiative (initiatives, huge, names[1]);
  if (g_str_equal (gtk_stack_get_visible_child_name (initiatives->stack), "form"))
    {
      g_test_message ("100,000-character initiative name: %s",
                      gtk_label_get_label (initiatives->form_error));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (initiatives->form_error)));
      cancel_form (initiatives);
    }
  save_initiative (initiatives, names[0], names[1]);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (initiatives->stack), ==, "list");
  db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  initiative_count = tenure_db_query_int (db, "SELECT count(*) FROM initiative WHERE name = '"
                                              "مرحبا بكم في الخدمة — الترحيب بالعملاء الجدد'",
                                          -1);
  g_assert_cmpint (initiative_count, ==, 1);
  g_clear_pointer (&db, tenure_db_close);
  wait_for (page_settled, initiatives);
  show_narrow (window, "initiatives", "faults-absurd-initiatives-800x600");

  /* The scenarios, and the designer on the right-to-left one. */
  show_narrow (window, "onboarding", "faults-absurd-onboarding-800x600");
  onboarding = TENURE_ONBOARDING_PAGE (tenure_window_get_visible_page (window));
  tenure_onboarding_page_open_scenario (onboarding, scenario);
  g_assert_cmpstr (tenure_onboarding_page_get_view (onboarding), ==, "designer");
  designer = tenure_onboarding_page_get_designer (onboarding);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 2);
  tenure_scenario_designer_select_row (designer, 1);
  g_assert_true (width_is (window, narrow_width));
  test_screenshot (GTK_WIDGET (window), "faults-absurd-designer-800x600");

  /* A negative day typed in: the spin button keeps it within its range, no negative day
   * reaches the file. */
  gtk_editable_set_text (GTK_EDITABLE (designer->day_spin), "-40");
  gtk_spin_button_update (designer->day_spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (designer->day_spin), >=, 0);
  test_settle (GTK_WIDGET (window), 2);
  db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  loaded = tenure_scenario_load (db, scenario, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < loaded->steps->len; i++)
    g_assert_cmpint (((TenureStep *) g_ptr_array_index (loaded->steps, i))->day_offset, >=, 0);
  g_assert_cmpstr (((TenureStep *) g_ptr_array_index (loaded->steps, 1))->title, ==, max_title);
  g_clear_pointer (&db, tenure_db_close);

  /* The question with 10,000 options: the page shows, and the question opens in the
   * editor, without freezing the window. */
  absurd.window = window;
  absurd.question_id = question;
  assert_stall_below (GTK_WIDGET (window), "qualification page with a question of 10,000 "
                      "answers", show_qualification, &absurd, FREEZE_LIMIT_MS);
  show_narrow (window, "qualification", "faults-absurd-qualification-800x600");
  assert_stall_below (GTK_WIDGET (window), "question of 10,000 answers selected",
                      select_question, &absurd, FREEZE_LIMIT_MS);
  {
    /* Its first 50 answers have rows, then "Show More"; the preview shows its beginning. */
    TenureQualificationPage *qualification = TENURE_QUALIFICATION_PAGE (
      tenure_window_get_visible_page (window));
    TenureQuestionEditorView *view = tenure_qualification_page_get_questions_view (qualification);
    GtkLabel *more = find_label (GTK_WIDGET (view), "50 of 10,000 answers shown");

    db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_nonnull (more);
    g_assert_nonnull (tenure_question_editor_view_get_points_button (
                        view, tenure_db_query_int (db, "SELECT id FROM option WHERE position = 49",
                                                   -1)));
    g_assert_null (tenure_question_editor_view_get_points_button (
                     view, tenure_db_query_int (db, "SELECT id FROM option WHERE position = 50",
                                                -1)));
    scroll_to_widget (GTK_WIDGET (more));
    test_screenshot (GTK_WIDGET (window), "faults-absurd-question-800x600");
    assert_stall_below (GTK_WIDGET (window), "50 more answers shown", show_more_answers, view,
                        FREEZE_LIMIT_MS);
    g_assert_nonnull (find_label (GTK_WIDGET (view), "100 of 10,000 answers shown"));
    g_assert_nonnull (tenure_question_editor_view_get_points_button (
                        view, tenure_db_query_int (db, "SELECT id FROM option WHERE position = 99",
                                                   -1)));
    g_clear_pointer (&db, tenure_db_close);
  }
  assert_usable (window);
  close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) csv = g_string_new ("account_id,name,segment,plan,channel,owner,"
                                         "signup_date\n");
  TenureDemoOptions options;
  int status;

  tmpdir = test_gui_init (&argc, &argv);
  g_assert_cmpint (sqlite3_auto_extension ((void (*) (void)) disk_full_entry), ==, SQLITE_OK);

  tenure_demo_options_init (&options);
  options.accounts = 150;
  options.end_month = DEMO_MONTH;
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", &options);

  /* New customers: the import grows the file. */
  accounts_csv = g_build_filename (tmpdir, "new-accounts.csv", NULL);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "NEW-%05u,Customer %u with a long enough name,SMB,Pro,ads,"
                            "Claire,2026-0%u-1%u\n", i, i, i % 9 + 1, i % 10);
  g_assert_true (g_file_set_contents (accounts_csv, csv->str, (gssize) csv->len, NULL));

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/faults/disk-full", test_disk_full);
  g_test_add_func ("/gui/faults/read-only-file", test_read_only_file);
  g_test_add_func ("/gui/faults/read-only-later", test_read_only_later);
  g_test_add_func ("/gui/faults/locked", test_locked);
  g_test_add_func ("/gui/faults/damaged", test_damaged);
  g_test_add_func ("/gui/faults/renamed", test_renamed);
  g_test_add_func ("/gui/faults/two-windows", test_two_windows);
  g_test_add_func ("/gui/faults/absurd", test_absurd);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);
  g_free (accounts_csv);

  return status;
}
