/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Accounts page on the demo company: rows, sorting, filters and detail pane against the
 * core's health scores, the health weights of the preferences applied live, screenshots. */

#include "config.h"

#include <adwaita.h>

#include "tenure-account-cell.h"
#include "tenure-accounts-page.h"
#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
#include "tenure-format.h"
#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-preferences-window.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

static gboolean
detail_loaded (gpointer data)
{
  return !tenure_account_detail_get_loading (data);
}

static gboolean
preferences_idle (gpointer data)
{
  return !tenure_preferences_window_get_health_busy (data);
}

/* A window at @width × @height showing the Accounts page of the demo company. */
static TenureWindow *
open_accounts (int                  width,
               int                  height,
               TenureAccountsPage **page)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);

  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));
  tenure_window_show_page (window, "accounts");
  *page = TENURE_ACCOUNTS_PAGE (tenure_window_get_visible_page (window));
  g_assert_true (TENURE_IS_ACCOUNTS_PAGE (*page));
  wait_for (page_ready, *page);
  test_settle (GTK_WIDGET (window), 2);

  return window;
}

/* Scrolls the first scrolled window under @widget to its end. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustment;

      test_settle (widget, 2);
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      return;
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_child_visible (child))
      scroll_to_end (child);
}

static TenureHealthReport *
core_health (int month)
{
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureHealthReport *report;

  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  report = tenure_health_compute (db, month, NULL, NULL, &error);
  g_assert_no_error (error);

  return report;
}

static TenureAccountRow *
row_at (TenureAccountsPage *page,
        guint               position)
{
  TenureAccountRow *row = g_list_model_get_item (tenure_accounts_page_get_rows (page),
                                                 position);

  g_assert_nonnull (row);
  g_object_unref (row);    /* the model keeps it */
  return row;
}

static guint
n_rows (TenureAccountsPage *page)
{
  return g_list_model_get_n_items (tenure_accounts_page_get_rows (page));
}


/* The column view of the page (a template child). */
static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  return (GtkColumnView *) test_find_descendant (widget, GTK_TYPE_COLUMN_VIEW, FALSE);
}

/* The texts of the cells under @widget, and how many cells. */
static void
collect_cells (GtkWidget  *widget,
               GHashTable *texts,
               guint      *n_cells)
{
  if (TENURE_IS_ACCOUNT_CELL (widget))
    {
      const char *text = tenure_account_cell_get_text (TENURE_ACCOUNT_CELL (widget));

      if (text != NULL)
        g_hash_table_add (texts, g_strdup (text));
      (*n_cells)++;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, texts, n_cells);
}

static guint
n_view_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

typedef struct
{
  TenureAccountsPage *page;
  GtkColumnView      *view;
} Growth;

static gboolean
view_complete (gpointer data)
{
  Growth *growth = data;

  return n_view_rows (growth->view) == n_rows (growth->page);
}

static void
test_list (void)
{
  TenureAccountsPage *page;
  TenureWindow *window = open_accounts (1280, 800, &page);
  int month = tenure_workspace_get_month (tenure_window_get_workspace (window));
  g_autoptr(TenureHealthReport) report = core_health (month);
  g_autoptr(TenureMetrics) metrics = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  const TenureAccountHealth *worst;
  const char *needle;
  guint red = report->band_accounts[TENURE_HEALTH_RED];

  /* Every customer of the month, and only them. */
  g_assert_cmpuint (report->accounts->len, >, 100);
  g_assert_cmpuint (tenure_accounts_page_get_n_accounts (page), ==, report->accounts->len);
  g_assert_cmpuint (n_rows (page), ==, report->accounts->len);
  g_assert_cmpuint (red, >, 0);

  /* Worst first by default, and again after sorting by score the other way and back. */
  tenure_accounts_page_sort (page, "score", GTK_SORT_DESCENDING);
  g_assert_cmpint (tenure_account_row_get_band (row_at (page, 0)), ==, TENURE_HEALTH_GREEN);
  tenure_accounts_page_sort (page, "score", GTK_SORT_ASCENDING);
  g_assert_cmpint (tenure_account_row_get_band (row_at (page, 0)), ==, TENURE_HEALTH_RED);
  worst = g_ptr_array_index (report->accounts, 0);
  g_assert_cmpint (tenure_account_row_get_score (row_at (page, 0)), ==, worst->score);
  /* The reasons in words, worst first: a red account has weak points. */
  {
    g_autofree char *drivers = tenure_account_drivers_text (worst);

    /* Ties keep the core's order (the most MRR at stake first): the sort is stable. */
    g_assert_cmpint (tenure_account_row_get_id (row_at (page, 0)), ==, worst->account_id);
    g_assert_cmpstr (tenure_account_row_get_drivers (row_at (page, 0)), ==, drivers);
    g_assert_cmpstr (drivers, !=, "Nothing weak");
  }
  for (guint i = 1; i < n_rows (page); i++)
    g_assert_cmpint (tenure_account_row_get_score (row_at (page, i - 1)), <=,
                     tenure_account_row_get_score (row_at (page, i)));

  /* Sorting by MRR puts the largest first when descending. */
  tenure_accounts_page_sort (page, "mrr", GTK_SORT_DESCENDING);
  g_assert_cmpint (tenure_account_row_get_mrr (row_at (page, 0)), >=,
                   tenure_account_row_get_mrr (row_at (page, n_rows (page) - 1)));
  tenure_accounts_page_sort (page, "score", GTK_SORT_ASCENDING);

  /* Band filter: exactly the red accounts. */
  tenure_accounts_page_set_band_filter (page, TENURE_HEALTH_RED);
  g_assert_cmpuint (n_rows (page), ==, red);
  for (guint i = 0; i < n_rows (page); i++)
    g_assert_cmpint (tenure_account_row_get_band (row_at (page, i)), ==, TENURE_HEALTH_RED);
  tenure_accounts_page_set_band_filter (page, TENURE_HEALTH_GREEN);
  g_assert_cmpuint (n_rows (page), ==, report->band_accounts[TENURE_HEALTH_GREEN]);
  tenure_accounts_page_set_band_filter (page, -1);
  g_assert_cmpuint (n_rows (page), ==, report->accounts->len);

  /* Owner filter: the accounts of the worst account's owner. */
  if (worst->owner != NULL)
    {
      guint owned = 0;

      for (guint i = 0; i < report->accounts->len; i++)
        {
          const TenureAccountHealth *account = g_ptr_array_index (report->accounts, i);

          owned += g_strcmp0 (account->owner, worst->owner) == 0;
        }
      tenure_accounts_page_set_owner_filter (page, worst->owner);
      g_assert_cmpuint (n_rows (page), ==, owned);
      g_assert_cmpuint (n_rows (page), <, report->accounts->len);
      tenure_accounts_page_set_owner_filter (page, NULL);
    }

  /* Search by name narrows to the accounts whose name holds the text. */
  needle = worst->name != NULL ? worst->name : worst->external_id;
  tenure_accounts_page_set_search (page, needle);
  g_assert_cmpuint (n_rows (page), >=, 1);
  g_assert_cmpuint (n_rows (page), <, report->accounts->len);
  g_assert_cmpstr (tenure_account_row_get_name (row_at (page, 0)), ==, needle);
  tenure_accounts_page_set_search (page, "no account is called this");
  g_assert_cmpuint (n_rows (page), ==, 0);
  tenure_accounts_page_set_search (page, "");
  g_assert_cmpuint (n_rows (page), ==, report->accounts->len);

  /* Dormant: the metrics' count, as the Overview asks for it. */
  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  metrics = tenure_metrics_compute (db, month, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (metrics->dormant_accounts, >, 0);
  tenure_accounts_page_set_band_filter (page, TENURE_HEALTH_RED);
  tenure_accounts_page_show_dormant (page);
  g_assert_cmpuint (n_rows (page), ==, metrics->dormant_accounts);
  for (guint i = 0; i < n_rows (page); i++)
    g_assert_true (tenure_account_row_get_dormant (row_at (page, i)));
  test_settle (GTK_WIDGET (window), 2);
  test_screenshot (GTK_WIDGET (window), "accounts-dormant-light-1280x800");
  tenure_accounts_page_set_dormant_filter (page, FALSE);
  g_assert_cmpuint (n_rows (page), ==, report->accounts->len);

  test_screenshot (GTK_WIDGET (window), "accounts-light-1280x800");

  /* The window's stack is as wide as its widest page, even hidden: with the page laid
   * out wide (all its columns), another page at 800 × 600 keeps the sidebar. */
  tenure_window_show_page (window, "imports");
  wait_for (page_ready, tenure_window_get_visible_page (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  test_settle (GTK_WIDGET (window), 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  close_window (window);
}

/* A month change keeps the list's items (slots), so that the column view keeps its row
 * widgets, and points them to the new month's accounts; names sort in the locale's order. */
static void
test_reload (void)
{
  TenureAccountsPage *page;
  TenureWindow *window = open_accounts (1280, 800, &page);
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  int month = tenure_workspace_get_month (workspace);
  g_autoptr(TenureHealthReport) before = core_health (month);
  g_autoptr(TenureHealthReport) after = core_health (month - 1);
  g_autoptr(TenureAccountRow) first = NULL;
  TenureAccountRow *account;
  const TenureAccountHealth *worst = g_ptr_array_index (before->accounts, 0);

  first = g_list_model_get_item (tenure_accounts_page_get_rows (page), 0);
  account = tenure_account_row_get_account (first);
  g_assert_true (account != first);
  g_assert_cmpint (tenure_account_row_get_id (first), ==, worst->account_id);

  tenure_workspace_set_month (workspace, month - 1);
  g_assert_false (tenure_page_is_ready (TENURE_PAGE (page)));
  wait_for (page_ready, page);
  worst = g_ptr_array_index (after->accounts, 0);
  g_assert_cmpuint (n_rows (page), ==, after->accounts->len);
  g_assert_true (row_at (page, 0) == first);
  g_assert_true (tenure_account_row_get_account (first) != account);
  g_assert_cmpint (tenure_account_row_get_id (first), ==, worst->account_id);
  g_assert_cmpint (tenure_account_row_get_score (first), ==, worst->score);
  g_assert_cmpint (tenure_account_row_get_mrr (first), ==, worst->mrr_cents);

  tenure_accounts_page_sort (page, "name", GTK_SORT_ASCENDING);
  g_assert_true (row_at (page, 0) == first);
  for (guint i = 1; i < n_rows (page); i++)
    g_assert_cmpint (g_utf8_collate (tenure_account_row_get_name (row_at (page, i - 1)),
                                     tenure_account_row_get_name (row_at (page, i))), <=, 0);
  tenure_accounts_page_sort (page, "name", GTK_SORT_DESCENDING);
  for (guint i = 1; i < n_rows (page); i++)
    g_assert_cmpint (g_utf8_collate (tenure_account_row_get_name (row_at (page, i - 1)),
                                     tenure_account_row_get_name (row_at (page, i))), >=, 0);

  /* The filters and the order stay through a month change (the worker applies them). */
  {
    const char *owner = ((TenureAccountHealth *) g_ptr_array_index (before->accounts,
                                                                     0))->owner;
    guint owned = 0;

    g_assert_nonnull (owner);
    for (guint i = 0; i < before->accounts->len; i++)
      owned += g_strcmp0 (((TenureAccountHealth *) g_ptr_array_index (before->accounts,
                                                                      i))->owner, owner) == 0;
    tenure_accounts_page_set_owner_filter (page, owner);
    g_assert_cmpuint (n_rows (page), <, after->accounts->len);
    tenure_workspace_set_month (workspace, month);
    wait_for (page_ready, page);
    g_assert_cmpuint (tenure_accounts_page_get_n_accounts (page), ==, before->accounts->len);
    g_assert_cmpuint (n_rows (page), ==, owned);
    for (guint i = 0; i < n_rows (page); i++)
      {
        g_assert_cmpstr (tenure_account_row_get_owner (row_at (page, i)), ==, owner);
        if (i > 0)
          g_assert_cmpint (g_utf8_collate (tenure_account_row_get_name (row_at (page, i - 1)),
                                           tenure_account_row_get_name (row_at (page, i))),
                           >=, 0);
      }
    tenure_accounts_page_set_owner_filter (page, NULL);
    g_assert_cmpuint (n_rows (page), ==, before->accounts->len);
  }
  close_window (window);
}

static void
test_detail (void)
{
  TenureAccountsPage *page;
  TenureWindow *window = open_accounts (1280, 800, &page);
  TenureAccountDetail *detail = tenure_accounts_page_get_detail (page);
  TenureAccountRow *row;
  g_autofree char *mrr = NULL;
  g_autofree char *currency = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  currency = tenure_db_get_setting (db, "currency", "EUR");

  g_assert_null (tenure_account_detail_get_account (detail));
  tenure_accounts_page_sort (page, "mrr", GTK_SORT_DESCENDING);
  tenure_accounts_page_select (page, 0);
  row = row_at (page, 0);
  g_assert_true (tenure_account_detail_get_account (detail) ==
                 tenure_account_row_get_account (row));
  wait_for (detail_loaded, detail);

  mrr = tenure_format_money (tenure_account_row_get_mrr (row), currency, TENURE_FORMAT_CENTS,
                             TENURE_LANGUAGE_DEFAULT);
  g_assert_cmpstr (tenure_account_detail_get_title (detail), ==,
                   tenure_account_row_get_name (row));
  g_assert_cmpstr (tenure_account_detail_get_mrr_text (detail), ==, mrr);
  g_assert_cmpuint (tenure_account_detail_get_n_weeks (detail), ==, 8);
  test_screenshot (GTK_WIDGET (window), "accounts-detail-light-1280x800");
  scroll_to_end (GTK_WIDGET (detail));
  test_screenshot (GTK_WIDGET (window), "accounts-detail-end-light-1280x800");

  /* Dark at both sizes. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  test_screenshot (GTK_WIDGET (window), "accounts-detail-dark-1280x800");
  tenure_accounts_page_sort (page, "score", GTK_SORT_ASCENDING);
  tenure_accounts_page_select (page, 0);    /* back to the top of the list */
  tenure_accounts_page_select (page, GTK_INVALID_LIST_POSITION);
  g_assert_null (tenure_account_detail_get_account (detail));
  test_screenshot (GTK_WIDGET (window), "accounts-dark-1280x800");
  close_window (window);

  window = open_accounts (800, 600, &page);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  test_screenshot (GTK_WIDGET (window), "accounts-dark-800x600");
  close_window (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Folded at 800 × 600: the list, then the account on its own with a way back. */
  window = open_accounts (800, 600, &page);
  detail = tenure_accounts_page_get_detail (page);


  test_screenshot (GTK_WIDGET (window), "accounts-light-800x600");
  tenure_accounts_page_select (page, 0);
  wait_for (detail_loaded, detail);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (detail)));
  g_assert_cmpstr (tenure_account_detail_get_title (detail), ==,
                   tenure_account_row_get_name (row_at (page, 0)));
  test_screenshot (GTK_WIDGET (window), "accounts-detail-light-800x600");
  close_window (window);
}

/* The column view builds its rows a chunk a frame when the list grows by many (GTK 4.8
 * builds up to some 200 rows at once), and its cells show the rows' texts, laid out when
 * drawn: also after a month change, which only points the slots to other accounts. */
static void
test_cells (void)
{
  TenureAccountsPage *page;
  TenureWindow *window = open_accounts (1280, 800, &page);
  TenureWorkspace *workspace = tenure_window_get_workspace (window);
  int month = tenure_workspace_get_month (workspace);
  GtkColumnView *view = find_column_view (GTK_WIDGET (page));
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TenureHealthReport) before = core_health (month - 1);
  Growth growth = { page, view };
  guint total = n_rows (page);
  guint n_cells = 0;
  TenureAccountRow *first;

  g_assert_nonnull (view);
  g_assert_cmpuint (total, >, 250);
  /* The first rows came with the page; the others in the frames after. */
  g_assert_cmpuint (n_view_rows (view), >=, 40);
  wait_for (view_complete, &growth);
  g_assert_cmpuint (n_view_rows (view), ==, total);
  test_settle (GTK_WIDGET (window), 1);

  /* Every row widget is built: six cells each (the band is a label). */
  collect_cells (GTK_WIDGET (view), texts, &n_cells);
  g_assert_cmpuint (n_cells, >=, 6 * 100);
  g_assert_cmpuint (n_cells % 6, ==, 0);
  first = row_at (page, 0);
  g_assert_true (g_hash_table_contains (texts, tenure_account_row_get_name (first)));
  g_assert_true (g_hash_table_contains (texts, tenure_account_row_get_mrr_text (first)));
  g_assert_true (g_hash_table_contains (texts, tenure_account_row_get_drivers (first)));

  /* From no row to all: a screenful at first (750 pixels, 40 rows at least, in rows of 16
   * pixels or more), the others in the next frames. */
  tenure_accounts_page_set_search (page, "no account is called this");
  g_assert_cmpuint (n_view_rows (view), ==, 0);
  tenure_accounts_page_set_search (page, "");
  g_assert_cmpuint (n_rows (page), ==, total);
  g_assert_cmpuint (n_view_rows (view), >=, 40);
  g_assert_cmpuint (n_view_rows (view), <=, 800 / 16);
  wait_for (view_complete, &growth);
  g_assert_cmpuint (n_view_rows (view), ==, total);

  /* Selecting a row not built yet shows every row at once. */
  tenure_accounts_page_set_search (page, "no account is called this");
  tenure_accounts_page_set_search (page, "");
  g_assert_cmpuint (n_view_rows (view), <, total);
  tenure_accounts_page_select (page, total - 1);
  g_assert_cmpuint (n_view_rows (view), ==, total);
  g_assert_true (tenure_account_detail_get_account (tenure_accounts_page_get_detail (page)) ==
                 tenure_account_row_get_account (row_at (page, total - 1)));
  tenure_accounts_page_select (page, 0);    /* back to the top of the list */
  tenure_accounts_page_select (page, GTK_INVALID_LIST_POSITION);

  /* A month change: the cells show the new month's worst account. */
  tenure_workspace_set_month (workspace, month - 1);
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 2);
  first = row_at (page, 0);
  g_assert_cmpint (tenure_account_row_get_id (first), ==,
                   ((TenureAccountHealth *) g_ptr_array_index (before->accounts, 0))->account_id);
  g_hash_table_remove_all (texts);
  n_cells = 0;
  collect_cells (GTK_WIDGET (view), texts, &n_cells);
  g_assert_true (g_hash_table_contains (texts, tenure_account_row_get_name (first)));
  g_assert_true (g_hash_table_contains (texts, tenure_account_row_get_mrr_text (first)));
  /* And nothing of the month before: every text is one of the first rows' now. */
  {
    g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
    GHashTableIter iter;
    const char *text;

    g_hash_table_add (expected, g_strdup ("—"));
    for (guint i = 0; i < MIN (n_rows (page), 250); i++)
      {
        TenureAccountRow *row = row_at (page, i);
        const char *owner = tenure_account_row_get_owner (row);
        const char *segment = tenure_account_row_get_segment (row);

        g_hash_table_add (expected, g_strdup (tenure_account_row_get_name (row)));
        g_hash_table_add (expected, g_strdup_printf ("%d", tenure_account_row_get_score (row)));
        g_hash_table_add (expected, g_strdup (tenure_account_row_get_mrr_text (row)));
        g_hash_table_add (expected, g_strdup (tenure_account_row_get_drivers (row)));
        if (owner != NULL)
          g_hash_table_add (expected, g_strdup (owner));
        if (segment != NULL)
          g_hash_table_add (expected, g_strdup (segment));
      }
    g_hash_table_iter_init (&iter, texts);
    while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
      if (!g_hash_table_contains (expected, text))
        g_error ("“%s” is not a text of the first rows", text);
  }
  close_window (window);
}

static GtkWindow *
find_preferences (TenureWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (TENURE_IS_PREFERENCES_WINDOW (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }

  return NULL;
}

static void
test_weights (void)
{
  TenureAccountsPage *page;
  TenureWindow *window = open_accounts (1280, 800, &page);
  int month = tenure_workspace_get_month (tenure_window_get_workspace (window));
  g_autoptr(TenureHealthReport) before = core_health (month);
  g_autoptr(TenureHealthReport) after = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jobs = NULL;
  g_autofree char *red = NULL;
  TenurePreferencesWindow *preferences;
  GtkSpinButton *spin;
  const TenureAccountHealth *worst;
  g_autoptr(GHashTable) scores = NULL;
  guint changed = 0;

  preferences = TENURE_PREFERENCES_WINDOW (tenure_preferences_window_new (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (find_preferences (window) == GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                "health");
  wait_for (preferences_idle, preferences);

  /* The workspace's weights, and the back-test in words with the core's figures. */
  spin = tenure_preferences_window_get_weight_button (preferences, TENURE_HEALTH_JOBS);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, before->weights[TENURE_HEALTH_JOBS]);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin)));
  red = tenure_format_percent (before->backtest_churned_pct[TENURE_HEALTH_RED], 0,
                               TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_assert_nonnull (strstr (tenure_preferences_window_get_backtest_text (preferences), red));
  g_assert_cmpfloat (before->backtest_churned_pct[TENURE_HEALTH_RED], >,
                     before->backtest_churned_pct[TENURE_HEALTH_GREEN]);

  /* Jobs no longer count: saved in the workspace, and the page scores again. */
  gtk_spin_button_set_value (spin, 0);
  wait_for (preferences_idle, preferences);
  db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  jobs = tenure_db_get_setting (db, "health_weight_jobs", NULL);
  g_assert_cmpstr (jobs, ==, "0");
  after = tenure_health_compute (db, month, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (after->weights[TENURE_HEALTH_JOBS], ==, 0);

  wait_for (page_ready, page);
  scores = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < before->accounts->len; i++)
    {
      TenureAccountHealth *account = g_ptr_array_index (before->accounts, i);

      g_hash_table_insert (scores, &account->account_id, GINT_TO_POINTER (account->score));
    }
  g_assert_cmpuint (after->accounts->len, ==, before->accounts->len);
  for (guint i = 0; i < after->accounts->len; i++)
    {
      TenureAccountHealth *account = g_ptr_array_index (after->accounts, i);

      g_assert_true (g_hash_table_contains (scores, &account->account_id));
      changed += GPOINTER_TO_INT (g_hash_table_lookup (scores, &account->account_id)) !=
                 account->score;
    }
  g_assert_cmpuint (changed, >, after->accounts->len / 2);
  worst = g_ptr_array_index (after->accounts, 0);
  g_assert_cmpint (tenure_account_row_get_score (row_at (page, 0)), ==, worst->score);
  g_assert_cmpint (tenure_account_row_get_score (row_at (page, 0)), !=,
                   ((TenureAccountHealth *) g_ptr_array_index (before->accounts, 0))->score);

  test_screenshot (GTK_WIDGET (preferences), "preferences-health-light");

  /* All weights at zero is refused: nothing saved. */
  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    gtk_spin_button_set_value (tenure_preferences_window_get_weight_button (preferences, i), 0);
  wait_for (preferences_idle, preferences);
  g_clear_pointer (&jobs, g_free);
  jobs = tenure_db_get_setting (db, "health_weight_trend", NULL);
  g_assert_cmpstr (jobs, !=, "0");

  gtk_window_destroy (GTK_WINDOW (preferences));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  TenureDemoOptions options;
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  /* The demo company, ending in a fixed month so the figures never depend on today. */
  tenure_demo_options_init (&options);
  options.end_month = TENURE_MONTH (2026, 10);
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", &options);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/accounts/list", test_list);
  g_test_add_func ("/gui/accounts/reload", test_reload);
  g_test_add_func ("/gui/accounts/cells", test_cells);
  g_test_add_func ("/gui/accounts/detail", test_detail);
  g_test_add_func ("/gui/accounts/weights", test_weights);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
