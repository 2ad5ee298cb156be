/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import assistant under Xvfb: the worked example and the French Excel export are
 * recognised and imported, a broken file shows its problems by line and imports nothing,
 * the Imports page lists and removes imports; screenshots of each step. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tenure-application.h"
#include "tenure-db.h"
#include "tenure-import-assistant.h"
#include "tenure-imports-page.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static TenureWindow *window;
static char *workspace_path;

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("TENURE_SHARED_DIR"), "samples", name, NULL);
}

static gboolean
window_loading (gpointer data)
{
  return tenure_window_get_loading (data);
}

static gboolean
assistant_idle (gpointer data)
{
  return !tenure_import_assistant_get_busy (data);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  return tenure_db_query_int (db, sql, -1);
}

/* Saves @widget's window at @width×@height as NAME-STYLE-WxH.png. */
static void
screenshot_at (GtkWindow  *toplevel,
               const char *name,
               gboolean    dark,
               int         width,
               int         height)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *file = g_strdup_printf ("%s-%s-%dx%d", name, dark ? "dark" : "light",
                                           width, height);
  g_autofree char *path = NULL;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (widget_mapped, toplevel);
  /* A window just mapped may miss the first request: ask until it has the size (the
   * window's width leaves out its 10 pixels of client-side shadow). */
  for (guint i = 0; i < 10 && ABS (gtk_widget_get_width (GTK_WIDGET (toplevel)) - width) > 10; i++)
    {
      gtk_window_set_default_size (toplevel, width, height);
      test_settle (GTK_WIDGET (toplevel), 3);
    }
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (toplevel)) - width), <=, 10);
  test_settle (GTK_WIDGET (toplevel), 3);
  path = test_save_screenshot (GTK_WIDGET (toplevel), file);
  g_test_message ("screenshot: %s", path);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Light at both sizes; dark too when asked. */
static void
screenshots (GtkWindow  *toplevel,
             const char *name,
             gboolean    dark)
{
  screenshot_at (toplevel, name, FALSE, 1280, 800);
  screenshot_at (toplevel, name, FALSE, 800, 600);
  if (dark)
    {
      screenshot_at (toplevel, name, TRUE, 1280, 800);
      screenshot_at (toplevel, name, TRUE, 800, 600);
    }
}

static TenureImportAssistant *
open_assistant (const char *csv)
{
  g_autoptr(GFile) file = csv != NULL ? g_file_new_for_path (csv) : NULL;
  TenureImportAssistant *assistant = tenure_window_import (window, file);

  g_assert_true (test_find_transient (GTK_WINDOW (window), TENURE_TYPE_IMPORT_ASSISTANT) ==
                 GTK_WINDOW (assistant));
  wait_for (widget_mapped, assistant);
  wait_for (assistant_idle, assistant);

  return assistant;
}

static TenurePage *
show_imports_page (void)
{
  TenurePage *page;

  tenure_window_show_page (window, "imports");
  page = tenure_window_get_visible_page (window);
  g_assert_true (TENURE_IS_IMPORTS_PAGE (page));
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 2);

  return page;
}

/* An empty workspace, open in the window. */
static void
test_open (void)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TenurePage *page;

  workspace_path = g_build_filename (tmpdir, "northwind.tenure", NULL);
  db = tenure_db_open (workspace_path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_db_set_setting (db, "company_name", "Northwind Security", &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, tenure_db_close);

  window = tenure_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);

  file = g_file_new_for_path (workspace_path);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (window)), ==,
                   workspace_path);

  page = show_imports_page ();
  g_assert_cmpuint (tenure_imports_page_get_n_imports (TENURE_IMPORTS_PAGE (page)), ==, 0);
  screenshots (GTK_WINDOW (window), "imports-page-empty", FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
}

/* The worked example: recognised, mapped by its names, imported, listed with 7 rows. */
static void
test_worked_example (void)
{
  g_autofree char *csv = sample_path ("worked-example/subscriptions.csv");
  const char * const fields[] = { "account_id", "start_date", "end_date", "mrr" };
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  TenureImportAssistant *assistant;
  const TenureImportResult *result;
  const TenureImportRecord *record;
  AdwMessageDialog *dialog;
  TenurePage *page;
  GtkStack *stack;

  assistant = open_assistant (NULL);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "choose");
  g_assert_false (tenure_import_assistant_get_can_import (assistant));
  screenshots (GTK_WINDOW (assistant), "import-choose", FALSE);

  tenure_import_assistant_set_file (assistant, file);
  g_assert_true (tenure_import_assistant_get_busy (assistant));
  wait_for (assistant_idle, assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_cmpint (tenure_import_assistant_get_kind (assistant), ==,
                   TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  g_assert_cmpuint (tenure_import_assistant_get_n_columns (assistant), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (tenure_import_assistant_get_column_field (assistant, i), ==, fields[i]);
  g_assert_null (tenure_import_assistant_get_errors (assistant));
  g_assert_true (tenure_import_assistant_get_can_import (assistant));
  screenshots (GTK_WINDOW (assistant), "import-mapping", TRUE);

  tenure_import_assistant_import (assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "progress");
  wait_for (assistant_idle, assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "done");
  result = tenure_import_assistant_get_result (assistant);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->rows, ==, 7);
  g_assert_cmpuint (result->accounts_created, ==, 4);
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM subscription"), ==, 7);
  g_assert_cmpint (count_rows (workspace_path, "SELECT sum(mrr_cents) FROM subscription"),
                   ==, 72000);
  screenshots (GTK_WINDOW (assistant), "import-done", FALSE);

  /* The window opened the workspace again: its months now reach the data's. */
  wait_for (window_idle, window);
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (window)), ==,
                   workspace_path);
  g_assert_cmpint (tenure_workspace_get_first_month (tenure_window_get_workspace (window)), ==,
                   2026 * 12 + 0);

  /* The same file again: the assistant asks first. */
  tenure_import_assistant_set_file (assistant, file);
  wait_for (assistant_idle, assistant);
  g_assert_true (tenure_import_assistant_get_can_import (assistant));
  tenure_import_assistant_import (assistant);
  dialog = (AdwMessageDialog *) test_find_transient (GTK_WINDOW (assistant),
                                                     ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import This File Again?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "was already imported on"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM subscription"), ==, 7);
  gtk_window_destroy (GTK_WINDOW (assistant));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = show_imports_page ();
  g_assert_cmpuint (tenure_imports_page_get_n_imports (TENURE_IMPORTS_PAGE (page)), ==, 1);
  record = tenure_imports_page_get_import (TENURE_IMPORTS_PAGE (page), 0);
  g_assert_cmpstr (record->file_name, ==, "subscriptions.csv");
  g_assert_cmpint (record->kind, ==, TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  g_assert_cmpint (record->rows, ==, 7);
  g_assert_cmpuint (strlen (record->sha256), ==, 64);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), TENURE_TYPE_IMPORTS_PAGE,
                                                    "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  screenshots (GTK_WINDOW (window), "imports-page", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
}

/* "Client;Date début;Date fin;Montant mensuel": mapped by the French synonyms. */
static void
test_french_excel (void)
{
  g_autofree char *csv = sample_path ("french-excel/abonnements.csv");
  const char * const fields[] = { "account_id", "start_date", "end_date", "mrr" };
  TenureImportAssistant *assistant = open_assistant (csv);
  GObject *check_row;

  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_cmpint (tenure_import_assistant_get_kind (assistant), ==,
                   TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  g_assert_cmpuint (tenure_import_assistant_get_n_columns (assistant), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (tenure_import_assistant_get_column_field (assistant, i), ==, fields[i]);
  g_assert_true (tenure_import_assistant_get_can_import (assistant));
  screenshot_at (GTK_WINDOW (assistant), "import-mapping-french", FALSE, 800, 600);

  /* Another kind: the required fields of events are missing, nothing can be imported. */
  tenure_import_assistant_set_kind (assistant, TENURE_IMPORT_KIND_EVENTS);
  wait_for (assistant_idle, assistant);
  g_assert_cmpint (tenure_import_assistant_get_kind (assistant), ==, TENURE_IMPORT_KIND_EVENTS);
  g_assert_false (tenure_import_assistant_get_can_import (assistant));
  g_assert_nonnull (tenure_import_assistant_get_errors (assistant));

  tenure_import_assistant_set_kind (assistant, TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  wait_for (assistant_idle, assistant);
  g_assert_cmpstr (tenure_import_assistant_get_column_field (assistant, 3), ==, "mrr");
  g_assert_true (tenure_import_assistant_get_can_import (assistant));

  /* The amount ignored: a required field is missing; given back, all is well again. */
  tenure_import_assistant_set_column_field (assistant, 3, NULL);
  wait_for (assistant_idle, assistant);
  g_assert_null (tenure_import_assistant_get_column_field (assistant, 3));
  g_assert_false (tenure_import_assistant_get_can_import (assistant));
  check_row = gtk_widget_get_template_child (GTK_WIDGET (assistant),
                                             TENURE_TYPE_IMPORT_ASSISTANT, "check_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (check_row)), ==,
                   "Missing required fields: Monthly amount. Choose the column that holds "
                   "each of them below.");
  tenure_import_assistant_set_column_field (assistant, 3, "mrr");
  wait_for (assistant_idle, assistant);
  g_assert_true (tenure_import_assistant_get_can_import (assistant));

  gtk_window_destroy (GTK_WINDOW (assistant));
}

/* An end date before its start date: the problem with its line, and nothing imported. */
static void
test_errors (void)
{
  g_autofree char *csv = g_build_filename (tmpdir, "broken.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *copied = NULL;
  TenureImportAssistant *assistant;
  GtkWidget *copy_button;

  g_assert_true (g_file_set_contents (csv,
                                      "account_id,start_date,end_date,mrr\n"
                                      "X1,2026-01-10,,100.00\n"
                                      "X2,2026-03-01,2026-02-01,50.00\n"
                                      "X3,2026-02-01,,75.00\n",
                                      -1, &error));
  g_assert_no_error (error);

  assistant = open_assistant (csv);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_false (tenure_import_assistant_get_can_import (assistant));
  errors = tenure_import_assistant_get_errors (assistant);
  g_assert_nonnull (errors);
  g_test_message ("errors: %s", errors);
  /* Line 3, character 15: where the end date starts. */
  g_assert_true (g_str_has_prefix (errors, "broken.csv:3:15: "));
  g_assert_nonnull (strstr (errors, "before the start date"));
  g_assert_null (strchr (errors, '\n'));
  screenshots (GTK_WINDOW (assistant), "import-errors", FALSE);

  /* Copy Errors puts the list on the clipboard. */
  copy_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (assistant),
                                                           TENURE_TYPE_IMPORT_ASSISTANT,
                                                           "copy_button"));
  g_assert_true (gtk_widget_get_visible (copy_button));
  g_signal_emit_by_name (copy_button, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (assistant)), NULL,
                                 read_text_cb, &copied);
  wait_for (string_set, &copied);
  g_assert_cmpstr (copied, ==, errors);

  /* Import does nothing: the workspace still has the worked example only. */
  tenure_import_assistant_import (assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_false (tenure_import_assistant_get_busy (assistant));
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM subscription"), ==, 7);
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM account "
                                               "WHERE external_id LIKE 'X%'"), ==, 0);
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM import"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (assistant));
}

static GtkWidget *
template_child (TenureImportAssistant *assistant,
                const char            *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (assistant),
                                                    TENURE_TYPE_IMPORT_ASSISTANT, name));
}

/* Never converted silently: a Windows-1252 file is read that way when the user says so;
 * month-first dates and ambiguous amounts are asked about. */
static void
test_choices (void)
{
  g_autofree char *latin = g_build_filename (g_getenv ("TENURE_SOURCE_DIR"), "tests", "data",
                                             "accounts-windows-1252.csv", NULL);
  g_autofree char *dates = g_build_filename (tmpdir, "us-dates.csv", NULL);
  g_autofree char *amounts = g_build_filename (tmpdir, "amounts.csv", NULL);
  g_autoptr(GFile) dates_file = g_file_new_for_path (dates);
  g_autoptr(GFile) amounts_file = g_file_new_for_path (amounts);
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  TenureImportAssistant *assistant = open_assistant (latin);

  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_false (tenure_import_assistant_get_can_import (assistant));
  g_assert_true (gtk_widget_get_visible (template_child (assistant, "encoding_row")));
  g_assert_true (gtk_widget_get_visible (template_child (assistant, "encoding_button")));
  screenshot_at (GTK_WINDOW (assistant), "import-encoding", FALSE, 800, 600);
  g_signal_emit_by_name (template_child (assistant, "encoding_button"), "clicked");
  wait_for (assistant_idle, assistant);
  g_assert_cmpint (tenure_import_assistant_get_kind (assistant), ==, TENURE_IMPORT_KIND_ACCOUNTS);
  g_assert_false (gtk_widget_get_visible (template_child (assistant, "encoding_button")));
  g_assert_true (tenure_import_assistant_get_can_import (assistant));

  g_assert_true (g_file_set_contents (dates,
                                      "account_id,start_date,end_date,mrr\n"
                                      "M1,01/31/2026,,100.00\n"
                                      "M2,02/15/2026,03/20/2026,50.00\n",
                                      -1, &error));
  g_assert_no_error (error);
  tenure_import_assistant_set_file (assistant, dates_file);
  wait_for (assistant_idle, assistant);
  g_assert_false (tenure_import_assistant_get_can_import (assistant));
  errors = tenure_import_assistant_get_errors (assistant);
  g_assert_true (g_str_has_prefix (errors, "us-dates.csv:2:4: "));
  g_assert_true (gtk_widget_get_visible (template_child (assistant, "options_group")));
  g_assert_true (gtk_widget_get_visible (template_child (assistant, "date_row")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (assistant, "date_row")),
                              TENURE_DATE_ORDER_MONTH_FIRST);
  wait_for (assistant_idle, assistant);
  g_assert_true (tenure_import_assistant_get_can_import (assistant));

  g_assert_true (g_file_set_contents (amounts,
                                      "account_id,start_date,end_date,mrr\n"
                                      "M1,2026-01-31,,\"1,000\"\n",
                                      -1, &error));
  g_assert_no_error (error);
  tenure_import_assistant_set_file (assistant, amounts_file);
  wait_for (assistant_idle, assistant);
  g_assert_false (tenure_import_assistant_get_can_import (assistant));
  g_assert_true (gtk_widget_get_visible (template_child (assistant, "decimal_row")));
  g_assert_false (gtk_widget_get_visible (template_child (assistant, "date_row")));
  screenshot_at (GTK_WINDOW (assistant), "import-decimal", FALSE, 800, 600);
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (assistant, "decimal_row")),
                              TENURE_DECIMAL_POINT);
  wait_for (assistant_idle, assistant);
  g_assert_true (tenure_import_assistant_get_can_import (assistant));

  /* Nothing was imported by the checks. */
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM import"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (assistant));
}

/* Removing the import asks with its row count, then deletes its rows. */
static void
test_remove (void)
{
  TenurePage *page = show_imports_page ();
  const TenureImportRecord *record = tenure_imports_page_get_import (TENURE_IMPORTS_PAGE (page),
                                                                     0);
  AdwMessageDialog *dialog;

  g_assert_nonnull (record);
  tenure_imports_page_remove (TENURE_IMPORTS_PAGE (page), record->id);
  dialog = (AdwMessageDialog *) test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “subscriptions.csv”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The 7 rows this file"));
  test_settle (GTK_WIDGET (dialog), 2);
  g_test_message ("screenshot: %s", test_save_screenshot (GTK_WIDGET (dialog),
                                                          "imports-remove-dialog"));

  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* Removed in a worker, then the window opens the workspace again. */
  wait_for (window_loading, window);
  wait_for (window_idle, window);

  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM subscription"), ==, 0);
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM account"), ==, 0);
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM import"), ==, 0);

  page = show_imports_page ();
  g_assert_cmpuint (tenure_imports_page_get_n_imports (TENURE_IMPORTS_PAGE (page)), ==, 0);
}

/* Closing the assistant while it imports cancels the import: nothing is written. */
static void
test_cancel (void)
{
  g_autofree char *csv = g_build_filename (tmpdir, "many.csv", NULL);
  g_autoptr(GString) text = g_string_new ("account_id,start_date,end_date,mrr\n");
  g_autoptr(GError) error = NULL;
  TenureImportAssistant *assistant;

  /* Long enough to be cancelled while the worker reads it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "C%u,2026-01-%02u,,%u.00\n", i, 1 + i % 28, 10 + i % 90);
  g_assert_true (g_file_set_contents (csv, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);

  assistant = open_assistant (csv);
  g_assert_true (tenure_import_assistant_get_can_import (assistant));
  tenure_import_assistant_import (assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "progress");
  gtk_window_close (GTK_WINDOW (assistant));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant)));
  wait_for (assistant_idle, assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_null (tenure_import_assistant_get_result (assistant));
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM subscription"), ==, 0);
  g_assert_cmpint (count_rows (workspace_path, "SELECT count(*) FROM import"), ==, 0);

  gtk_window_close (GTK_WINDOW (assistant));
}

/* Without a workspace, the import creates one where the user says, then opens it; a CSV
 * file dropped on the window goes to the assistant. */
static void
test_new_workspace (void)
{
  g_autofree char *csv = sample_path ("worked-example/subscriptions.csv");
  g_autofree char *path = g_build_filename (tmpdir, "new.tenure", NULL);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  GSList files = { file, NULL };
  TenureImportAssistant *assistant;
  GtkDropTarget *target = NULL;
  TenureWindow *empty = tenure_window_new (GTK_APPLICATION (app));
  TenureWindow *main_window = window;
  gboolean accepted = FALSE;

  gtk_window_present (GTK_WINDOW (empty));
  wait_for (widget_mapped, empty);
  g_assert_null (tenure_window_get_workspace (empty));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (empty));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&files));
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);
  g_clear_object (&controllers);

  assistant = (TenureImportAssistant *) test_find_transient (GTK_WINDOW (empty),
                                                             TENURE_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  wait_for (assistant_idle, assistant);
  g_assert_null (tenure_import_assistant_get_workspace (assistant));
  g_assert_cmpint (tenure_import_assistant_get_kind (assistant), ==,
                   TENURE_IMPORT_KIND_SUBSCRIPTIONS);
  g_assert_true (tenure_import_assistant_get_can_import (assistant));

  /* What the save dialog would answer. */
  tenure_import_assistant_set_workspace (assistant, path);
  tenure_import_assistant_import (assistant);
  wait_for (assistant_idle, assistant);
  g_assert_cmpstr (tenure_import_assistant_get_step (assistant), ==, "done");
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM subscription"), ==, 7);
  gtk_window_destroy (GTK_WINDOW (assistant));

  window = empty;
  wait_for (window_idle, empty);
  g_assert_nonnull (tenure_window_get_workspace (empty));
  g_assert_cmpstr (tenure_workspace_get_path (tenure_window_get_workspace (empty)), ==, path);
  window = main_window;

  gtk_window_destroy (GTK_WINDOW (empty));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  app = test_gui_app_new (G_APPLICATION_DEFAULT_FLAGS);

  /* In order: each test goes on from the workspace the one before left. */
  g_test_add_func ("/gui/import/open", test_open);
  g_test_add_func ("/gui/import/worked-example", test_worked_example);
  g_test_add_func ("/gui/import/french-excel", test_french_excel);
  g_test_add_func ("/gui/import/errors", test_errors);
  g_test_add_func ("/gui/import/choices", test_choices);
  g_test_add_func ("/gui/import/remove", test_remove);
  g_test_add_func ("/gui/import/cancel", test_cancel);
  g_test_add_func ("/gui/import/new-workspace", test_new_workspace);

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  test_gui_cleanup (&app, &tmpdir);
  g_free (workspace_path);

  return status;
}
