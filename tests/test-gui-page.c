/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TenurePage: reloads only on screen, once per batch of changes, and ignores stale loads;
 * a hidden page preloads on request unless its class opts out; tenure_page_load_in_thread()
 * loads in a worker and shows only the latest load. */

#include "config.h"

#include <adwaita.h>

#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-page.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-workspace.h"

/* A page whose loads the test ends by hand. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, TenurePage)

struct _TestPage
{
  TenurePage    parent_instance;

  guint         reloads;
  guint         ready;
  int           loaded_month;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, TENURE_TYPE_PAGE)

static void
test_page_reload (TenurePage *page)
{
  TestPage *self = TEST_PAGE (page);

  self->reloads++;
  self->loaded_month = tenure_page_get_month (page);
  g_set_object (&self->cancellable, tenure_page_begin_loading (page));
}

static void
test_page_ready_cb (TestPage *self)
{
  self->ready++;
}

static void
test_page_finalize (GObject *object)
{
  g_clear_object (&TEST_PAGE (object)->cancellable);

  G_OBJECT_CLASS (test_page_parent_class)->finalize (object);
}

static void
test_page_class_init (TestPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_page_finalize;
  TENURE_PAGE_CLASS (klass)->reload = test_page_reload;
}

static void
test_page_init (TestPage *self)
{
  g_signal_connect (self, "ready", G_CALLBACK (test_page_ready_cb), NULL);
}

/* A page that may not be preloaded (as a page with an editor could choose). */
#define TEST_TYPE_EDITOR_PAGE (test_editor_page_get_type ())
G_DECLARE_FINAL_TYPE (TestEditorPage, test_editor_page, TEST, EDITOR_PAGE, TenurePage)

struct _TestEditorPage
{
  TenurePage parent_instance;

  guint      reloads;
};

G_DEFINE_FINAL_TYPE (TestEditorPage, test_editor_page, TENURE_TYPE_PAGE)

static void
test_editor_page_reload (TenurePage *page)
{
  TEST_EDITOR_PAGE (page)->reloads++;
  tenure_page_begin_loading (page);
}

static void
test_editor_page_class_init (TestEditorPageClass *klass)
{
  TENURE_PAGE_CLASS (klass)->reload = test_editor_page_reload;
  TENURE_PAGE_CLASS (klass)->preload = FALSE;
}

static void
test_editor_page_init (TestEditorPage *self)
{
}

static char *tmpdir;

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TenureWorkspace **workspace = user_data;
  g_autoptr(GError) error = NULL;

  *workspace = tenure_workspace_open_finish (result, &error);
  g_assert_no_error (error);
}

static TenureWorkspace *
open_workspace (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "page.tenure", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureWorkspace *workspace = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
      g_assert_no_error (error);
      tenure_db_exec (db,
                      "INSERT INTO account (external_id, signup_date) VALUES ('A1', '2025-01-10');"
                      "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents)"
                      "  VALUES (1, '2025-01-10', '2025-07-01', 10000);",
                      &error);
      g_assert_no_error (error);
    }

  tenure_workspace_open_async (file, NULL, open_cb, &workspace);
  while (workspace == NULL)
    g_main_context_iteration (NULL, TRUE);

  return workspace;
}

/* Iterates the main loop until nothing is pending. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_reload_on_screen (void)
{
  g_autoptr(TenureWorkspace) workspace = open_workspace ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  TestPage *shown = g_object_new (TEST_TYPE_PAGE, NULL);
  TestPage *hidden = g_object_new (TEST_TYPE_PAGE, NULL);
  GCancellable *first;

  /* Data from January to July 2025: July is selected. */
  g_assert_cmpint (tenure_workspace_get_first_month (workspace), ==, TENURE_MONTH (2025, 1));
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, TENURE_MONTH (2025, 7));

  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (shown), "shown");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (hidden), "hidden");
  gtk_window_set_child (GTK_WINDOW (window), stack);

  /* Not on screen: nothing loads. */
  tenure_page_set_workspace (TENURE_PAGE (shown), workspace);
  tenure_page_set_workspace (TENURE_PAGE (hidden), workspace);
  drain ();
  g_assert_cmpuint (shown->reloads, ==, 0);
  g_assert_false (tenure_page_is_ready (TENURE_PAGE (shown)));
  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (shown)), ==, TENURE_MONTH (2025, 7));

  /* On screen: one load for the workspace and the month together. */
  gtk_window_present (GTK_WINDOW (window));
  test_settle (window, 1);
  g_assert_cmpuint (shown->reloads, ==, 1);
  g_assert_cmpuint (hidden->reloads, ==, 0);
  g_assert_cmpint (shown->loaded_month, ==, TENURE_MONTH (2025, 7));
  g_assert_true (tenure_page_get_busy (TENURE_PAGE (shown)));
  g_assert_false (tenure_page_is_ready (TENURE_PAGE (shown)));

  /* Two month changes in one go: the first load is cancelled, one new load. */
  first = g_object_ref (shown->cancellable);
  tenure_workspace_set_month (workspace, TENURE_MONTH (2025, 5));
  tenure_workspace_set_month (workspace, TENURE_MONTH (2025, 4));
  drain ();
  g_assert_cmpuint (shown->reloads, ==, 2);
  g_assert_cmpint (shown->loaded_month, ==, TENURE_MONTH (2025, 4));
  g_assert_true (g_cancellable_is_cancelled (first));

  /* The stale load ending changes nothing; the current one makes the page ready. */
  tenure_page_end_loading (TENURE_PAGE (shown), first);
  g_assert_true (tenure_page_get_busy (TENURE_PAGE (shown)));
  g_assert_cmpuint (shown->ready, ==, 0);
  tenure_page_end_loading (TENURE_PAGE (shown), shown->cancellable);
  g_assert_false (tenure_page_get_busy (TENURE_PAGE (shown)));
  g_assert_cmpuint (shown->ready, ==, 1);
  g_assert_true (tenure_page_is_ready (TENURE_PAGE (shown)));
  g_clear_object (&first);

  /* The filter reloads too; a hidden page loads when it is shown, with the last month. */
  tenure_workspace_set_filter (workspace, "segment=SMB");
  drain ();
  g_assert_cmpuint (shown->reloads, ==, 3);
  g_assert_cmpuint (hidden->reloads, ==, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "hidden");
  drain ();
  g_assert_cmpuint (hidden->reloads, ==, 1);
  g_assert_cmpint (hidden->loaded_month, ==, TENURE_MONTH (2025, 4));

  /* Months outside the data are kept inside it. */
  tenure_workspace_set_month (workspace, TENURE_MONTH (2030, 1));
  g_assert_cmpint (tenure_workspace_get_month (workspace), ==, TENURE_MONTH (2025, 7));
  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (hidden)), ==, TENURE_MONTH (2025, 7));

  /* Without a workspace, the page cancels its load and no longer follows the month. */
  g_set_object (&first, hidden->cancellable);
  tenure_page_set_workspace (TENURE_PAGE (hidden), NULL);
  g_assert_true (g_cancellable_is_cancelled (first));
  g_assert_false (tenure_page_get_busy (TENURE_PAGE (hidden)));
  tenure_workspace_set_month (workspace, TENURE_MONTH (2025, 2));
  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (hidden)), ==, TENURE_MONTH (2025, 7));
  drain ();
  g_assert_cmpuint (hidden->reloads, ==, 1);
  g_clear_object (&first);

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
count_busy_cb (TenurePage *page,
               GParamSpec *pspec,
               guint      *loads)
{
  if (tenure_page_get_busy (page))
    (*loads)++;
}

static void
test_preload (void)
{
  g_autoptr(TenureWorkspace) workspace = open_workspace ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  TestPage *shown = g_object_new (TEST_TYPE_PAGE, NULL);
  TestPage *hidden = g_object_new (TEST_TYPE_PAGE, NULL);
  TestEditorPage *editor = g_object_new (TEST_TYPE_EDITOR_PAGE, NULL);
  g_autoptr(GCancellable) first = NULL;
  guint hidden_loads = 0;

  tenure_workspace_set_month (workspace, TENURE_MONTH (2025, 7));
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (shown), "shown");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (hidden), "hidden");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (editor), "editor");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  tenure_page_set_workspace (TENURE_PAGE (shown), workspace);
  tenure_page_set_workspace (TENURE_PAGE (hidden), workspace);
  tenure_page_set_workspace (TENURE_PAGE (editor), workspace);
  g_signal_connect (hidden, "notify::busy", G_CALLBACK (count_busy_cb), &hidden_loads);
  gtk_window_present (GTK_WINDOW (window));
  test_settle (window, 1);
  g_assert_cmpuint (shown->reloads, ==, 1);
  tenure_page_end_loading (TENURE_PAGE (shown), shown->cancellable);
  g_assert_cmpint (tenure_page_get_load_time (TENURE_PAGE (shown)), >=, 0);

  /* Hidden pages are out of date; the page shown is not, and never preloads. */
  g_assert_true (tenure_page_needs_reload (TENURE_PAGE (hidden)));
  g_assert_cmpint (tenure_page_get_load_time (TENURE_PAGE (hidden)), ==, -1);
  g_assert_false (tenure_page_needs_reload (TENURE_PAGE (shown)));
  g_assert_false (tenure_page_preload (TENURE_PAGE (shown)));
  g_assert_cmpuint (shown->reloads, ==, 1);

  /* A page that opts out stays out of date until shown. */
  g_assert_false (tenure_page_preload (TENURE_PAGE (editor)));
  g_assert_cmpuint (editor->reloads, ==, 0);
  g_assert_true (tenure_page_needs_reload (TENURE_PAGE (editor)));

  /* The hidden page loads its month; a change of month cancels that load, which then
   * ends without "ready". */
  g_assert_true (tenure_page_preload (TENURE_PAGE (hidden)));
  g_assert_false (tenure_page_preload (TENURE_PAGE (hidden)));
  g_assert_cmpuint (hidden->reloads, ==, 1);
  g_assert_cmpint (hidden->loaded_month, ==, TENURE_MONTH (2025, 7));
  g_assert_false (tenure_page_needs_reload (TENURE_PAGE (hidden)));
  g_assert_false (tenure_page_is_ready (TENURE_PAGE (hidden)));
  first = g_object_ref (hidden->cancellable);
  tenure_workspace_set_month (workspace, TENURE_MONTH (2025, 6));
  g_assert_true (g_cancellable_is_cancelled (first));
  g_assert_false (tenure_page_get_busy (TENURE_PAGE (hidden)));
  g_assert_true (tenure_page_needs_reload (TENURE_PAGE (hidden)));
  tenure_page_end_loading (TENURE_PAGE (hidden), first);
  g_assert_cmpuint (hidden->ready, ==, 0);
  g_assert_false (tenure_page_is_ready (TENURE_PAGE (hidden)));

  /* Preloaded again, it is ready while hidden, and ready at once when shown: no load. */
  g_assert_true (tenure_page_preload (TENURE_PAGE (hidden)));
  g_assert_cmpint (hidden->loaded_month, ==, TENURE_MONTH (2025, 6));
  tenure_page_end_loading (TENURE_PAGE (hidden), hidden->cancellable);
  g_assert_cmpuint (hidden->ready, ==, 1);
  g_assert_true (tenure_page_is_ready (TENURE_PAGE (hidden)));
  g_assert_cmpint (tenure_page_get_load_time (TENURE_PAGE (hidden)), >=, 0);
  g_assert_cmpuint (hidden_loads, ==, 2);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "hidden");
  g_assert_true (tenure_page_is_ready (TENURE_PAGE (hidden)));
  test_settle (window, 1);
  g_assert_cmpuint (hidden->reloads, ==, 2);
  g_assert_cmpuint (hidden_loads, ==, 2);
  g_assert_true (tenure_page_is_ready (TENURE_PAGE (hidden)));

  /* The page the user left still loads; the window closing cancels that load. */
  tenure_workspace_set_month (workspace, TENURE_MONTH (2025, 5));
  test_settle (window, 1);
  g_assert_cmpuint (hidden->reloads, ==, 3);
  g_set_object (&first, hidden->cancellable);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "shown");
  g_assert_true (tenure_page_get_busy (TENURE_PAGE (hidden)));
  g_assert_false (g_cancellable_is_cancelled (first));
  g_signal_handlers_disconnect_by_data (hidden, &hidden_loads);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (g_cancellable_is_cancelled (first));
  drain ();
}

/* What the loads of test_load_in_thread() saw. */
static struct
{
  GThread *worker;
  guint    data_freed;
  guint    results_freed;
  guint    loaded;
  char    *shown;
  gboolean error;
} loads;

static void
count_data_free (gpointer data)
{
  loads.data_freed++;
  g_free (data);
}

static void
count_result_free (gpointer result)
{
  loads.results_freed++;
  g_free (result);
}

/* "MONTH SEGMENT DATA", in the worker, or the error of the load named "fail". */
static gpointer
load_text (TenureDb             *db,
           const TenurePageLoad *load,
           GCancellable         *cancellable,
           GError              **error)
{
  loads.worker = g_thread_self ();
  if (g_strcmp0 (load->data, "fail") == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no luck");
      return NULL;
    }

  return g_strdup_printf ("%d %s %s", load->month,
                          load->filter.kind == TENURE_FILTER_SEGMENT ? load->filter.value : "-",
                          (const char *) load->data);
}

static void
text_loaded (TenurePage           *page,
             const TenurePageLoad *load,
             gpointer              result,
             const GError         *error)
{
  g_assert_true (tenure_page_get_busy (page));
  loads.loaded++;
  g_free (loads.shown);
  loads.shown = g_strdup (result);
  loads.error = error != NULL;
  g_assert_true (error == NULL || result == NULL);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
test_load_in_thread (void)
{
  g_autoptr(TenureWorkspace) workspace = open_workspace ();
  g_autoptr(TestPage) page = g_object_ref_sink (g_object_new (TEST_TYPE_PAGE, NULL));
  g_autofree char *expected = NULL;
  guint wake;

  tenure_page_set_workspace (TENURE_PAGE (page), workspace);
  tenure_workspace_set_filter (workspace, "segment=SMB");
  tenure_workspace_set_month (workspace, TENURE_MONTH (2025, 3));

  /* A task may be freed last by its worker thread, after its callback: the loop wakes
   * up regularly to see that. */
  wake = g_timeout_add (10, wake_cb, NULL);

  /* Two loads in a row: the first is cancelled and never shown; both are freed. */
  tenure_page_load_in_thread (TENURE_PAGE (page), load_text, g_strdup ("first"),
                              count_data_free, count_result_free, text_loaded);
  tenure_page_load_in_thread (TENURE_PAGE (page), load_text, g_strdup ("second"),
                              count_data_free, count_result_free, text_loaded);
  g_assert_true (tenure_page_get_busy (TENURE_PAGE (page)));
  /* (Not ready in the sense of tenure_page_is_ready (): off screen, a reload is due.) */
  while (page->ready < 1 || loads.data_freed < 2)
    g_main_context_iteration (NULL, TRUE);
  drain ();

  expected = g_strdup_printf ("%d SMB second", TENURE_MONTH (2025, 3));
  g_assert_cmpuint (loads.loaded, ==, 1);
  g_assert_cmpstr (loads.shown, ==, expected);
  g_assert_false (loads.error);
  g_assert_true (loads.worker != g_thread_self ());
  g_assert_cmpuint (page->ready, ==, 1);
  g_assert_cmpuint (loads.data_freed, ==, 2);
  g_assert_cmpuint (loads.results_freed, ==, 2);

  /* A failed load is shown as such, and the load ends all the same. */
  tenure_page_load_in_thread (TENURE_PAGE (page), load_text, g_strdup ("fail"),
                              count_data_free, count_result_free, text_loaded);
  while (page->ready < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (loads.loaded, ==, 2);
  g_assert_true (loads.error);
  g_assert_null (loads.shown);
  g_assert_cmpuint (page->ready, ==, 2);

  tenure_page_set_workspace (TENURE_PAGE (page), NULL);
  g_clear_pointer (&loads.shown, g_free);
  g_source_remove (wake);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = test_make_tmpdir ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/page/reload-on-screen", test_reload_on_screen);
  g_test_add_func ("/gui/page/preload", test_preload);
  g_test_add_func ("/gui/page/load-in-thread", test_load_in_thread);

  status = g_test_run ();

  test_rmdir_recursive (tmpdir);
  g_free (tmpdir);

  return status;
}
