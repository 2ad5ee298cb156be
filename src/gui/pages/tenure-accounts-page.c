/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lists the scored customers of the month: search, band, owner and dormant filters, sortable
 * columns, and the selected account in a side pane. Scores, the rows' texts and their sort
 * keys are computed off the main thread; filtering and sorting are plain C on those keys;
 * the list's items are slots that show other accounts after a reload, a sort or a search,
 * so that the column view keeps its row widgets (GTK 4.8 builds a new one for every item
 * that is not the same object as before). */

#define G_LOG_DOMAIN "tenure-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-account-cell.h"
#include "tenure-accounts-page.h"
#include "tenure-date.h"
#include "tenure-format.h"
#include "tenure-metrics-groups.h"

struct _TenureAccountsPage
{
  TenurePage           parent_instance;

  /* Template widgets */
  GtkToggleButton     *dormant_button;
  GtkButton           *back_button;
  GtkDropDown         *band_dropdown;
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  TenureAccountDetail *detail;
  GtkWidget           *detail_pane;
  AdwStatusPage       *error_page;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkStack            *list_stack;
  GtkDropDown         *owner_dropdown;
  GtkSpinner          *reload_spinner;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;

  GPtrArray           *rows;       /* TenureAccountRow, every customer, the report's order */
  TenureAccountList   *list;       /* the rows shown, filtered and sorted */
  GPtrArray           *shown;      /* the array the list shows */
  GtkSliceListModel   *view_rows;  /* the first rows of the list, for the column view */
  guint                grow_tick;  /* while view_rows grows, a chunk a frame */
  gboolean             grow_skip;  /* in the frame that shows the first chunk */
  GtkSingleSelection  *selection;  /* of view_rows */
  TenureAccountRow    *probes[2];  /* to read the column view's sort order */
  guint                n_sort_columns;
  TenureAccountColumn  sort_columns[TENURE_ACCOUNT_N_COLUMNS];
  gboolean             sort_descending[TENURE_ACCOUNT_N_COLUMNS];
  GtkColumnViewColumn *owner_column;   /* out of the view while folded */
  GtkColumnViewColumn *segment_column; /* likewise */
  GtkStringList       *owners;     /* the items of owner_dropdown after "All owners" */
  gboolean             has_no_owner;

  char                *currency;
  int                  month;
  guint                updating;
};

G_DEFINE_FINAL_TYPE (TenureAccountsPage, tenure_accounts_page, TENURE_TYPE_PAGE)

/* The rows of band_dropdown after "All bands", worst first. */
static const TenureHealthBand dropdown_bands[] = {
  TENURE_HEALTH_RED, TENURE_HEALTH_AMBER, TENURE_HEALTH_GREEN,
};

/* What the list shows of the rows: the filters, and the order of the column view's
 * headers. Read in the main thread, applied in either: a load sorts its rows in the
 * worker. */
typedef struct
{
  int                 band;       /* a TenureHealthBand, or −1 */
  char               *owner;
  gboolean            no_owner;
  gboolean            dormant;
  char               *needle;     /* case-folded, or NULL */
  guint               n_sort_columns;
  TenureAccountColumn sort_columns[TENURE_ACCOUNT_N_COLUMNS];
  gboolean            sort_descending[TENURE_ACCOUNT_N_COLUMNS];
} View;

static void
view_free (gpointer data)
{
  View *view = data;

  g_free (view->owner);
  g_free (view->needle);
  g_free (view);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (View, view_free)

static gboolean
view_equal (const View *a,
            const View *b)
{
  if (a->band != b->band || a->no_owner != b->no_owner || a->dormant != b->dormant ||
      g_strcmp0 (a->owner, b->owner) != 0 || g_strcmp0 (a->needle, b->needle) != 0 ||
      a->n_sort_columns != b->n_sort_columns)
    return FALSE;

  for (guint i = 0; i < a->n_sort_columns; i++)
    if (a->sort_columns[i] != b->sort_columns[i] ||
        a->sort_descending[i] != b->sort_descending[i])
      return FALSE;

  return TRUE;
}

static gboolean
match_row (TenureAccountRow *row,
           const View       *view)
{
  const TenureAccountHealth *health = tenure_account_row_get_health (row);

  if (view->band >= 0 && (int) health->band != view->band)
    return FALSE;
  if (view->owner != NULL && g_strcmp0 (view->owner, health->owner) != 0)
    return FALSE;
  if (view->no_owner && health->owner != NULL && *health->owner != '\0')
    return FALSE;
  if (view->dormant && !health->dormant)
    return FALSE;
  if (view->needle != NULL && !tenure_account_row_matches (row, view->needle))
    return FALSE;

  return TRUE;
}

/* A row shown with the key of the first sort column at hand. */
typedef struct
{
  gint64            key;
  TenureAccountRow *row;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const View *view = user_data;
  const SortItem *x = a;
  const SortItem *y = b;

  for (guint i = 0; i < view->n_sort_columns; i++)
    {
      gint64 key_x = i == 0 ? x->key : tenure_account_row_get_sort_key (x->row,
                                                                         view->sort_columns[i]);
      gint64 key_y = i == 0 ? y->key : tenure_account_row_get_sort_key (y->row,
                                                                         view->sort_columns[i]);
      int order = key_x < key_y ? -1 : key_x > key_y;

      if (order != 0)
        return view->sort_descending[i] ? -order : order;
    }

  /* The sort is stable: ties keep the report's order, worst first. */
  return 0;
}

/* The rows of @rows that @view lets through, in its order. May run in any thread.
 *
 * Returns: (transfer container) (element-type TenureAccountRow): the rows shown */
static GPtrArray *
view_apply (const View *view,
            GPtrArray  *rows)
{
  GPtrArray *shown = g_ptr_array_sized_new (rows->len);
  g_autofree SortItem *items = g_new (SortItem, MAX (rows->len, 1));
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      TenureAccountRow *row = g_ptr_array_index (rows, i);

      if (!match_row (row, view))
        continue;
      items[n].row = row;
      items[n].key = view->n_sort_columns > 0
                     ? tenure_account_row_get_sort_key (row, view->sort_columns[0]) : 0;
      n++;
    }

  if (view->n_sort_columns > 0)
    g_qsort_with_data (items, (gint) n, sizeof (SortItem), compare_items, (gpointer) view);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (shown, items[i].row);

  return shown;
}

typedef struct
{
  GPtrArray *rows;        /* TenureAccountRow */
  GPtrArray *shown;       /* of rows, by the load's view */
  char      *currency;
  GStrv      owners;      /* sorted */
  gboolean   has_no_owner;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->shown, g_ptr_array_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result->currency);
  g_strfreev (result->owners);
  g_free (result);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The owners of @report's accounts, in the locale's order. */
static GStrv
collect_owners (const TenureHealthReport *report,
                gboolean                 *has_no_owner)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  *has_no_owner = FALSE;
  for (guint i = 0; i < report->accounts->len; i++)
    {
      const TenureAccountHealth *account = g_ptr_array_index (report->accounts, i);

      if (account->owner == NULL || *account->owner == '\0')
        *has_no_owner = TRUE;
      else if (g_hash_table_add (seen, account->owner))
        g_ptr_array_add (names, g_strdup (account->owner));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gpointer
load_rows (TenureDb             *db,
           const TenurePageLoad *load,
           GCancellable         *cancellable,
           GError              **error)
{
  g_autoptr(TenureHealthReport) report = NULL;
  LoadResult *result;

  report = tenure_health_compute (db, load->month, &load->filter, cancellable, error);
  if (report == NULL)
    return NULL;

  result = g_new0 (LoadResult, 1);
  result->currency = tenure_db_get_setting (db, "currency", "EUR");
  result->rows = tenure_account_rows_new (report, result->currency);
  result->owners = collect_owners (report, &result->has_no_owner);
  /* Filtered and sorted as the list was when the load began: most often as it still is
   * when the rows arrive. */
  result->shown = view_apply (load->data, result->rows);

  return result;
}

static const char *
selected_owner (TenureAccountsPage *self,
                gboolean           *none)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  guint n_owners = g_list_model_get_n_items (G_LIST_MODEL (self->owners));

  *none = FALSE;
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (selected - 1 < n_owners)
    return gtk_string_list_get_string (self->owners, selected - 1);

  /* The last item: "No owner". */
  *none = self->has_no_owner;
  return NULL;
}

/* The account selected (not its slot, which may show another account later), or NULL. */
static TenureAccountRow *
get_selected (TenureAccountsPage *self)
{
  TenureAccountRow *slot = gtk_single_selection_get_selected_item (self->selection);

  return slot != NULL ? tenure_account_row_get_account (slot) : NULL;
}

/* The filters of the page and the order of its headers, now. */
static View *
read_view (TenureAccountsPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint band = gtk_drop_down_get_selected (self->band_dropdown);
  View *view = g_new0 (View, 1);

  view->band = band > 0 && band <= G_N_ELEMENTS (dropdown_bands)
               ? (int) dropdown_bands[band - 1] : -1;
  view->owner = g_strdup (selected_owner (self, &view->no_owner));
  view->dormant = gtk_toggle_button_get_active (self->dormant_button);
  view->needle = search != NULL && *search != '\0' ? g_utf8_casefold (search, -1) : NULL;
  view->n_sort_columns = self->n_sort_columns;
  memcpy (view->sort_columns, self->sort_columns, sizeof view->sort_columns);
  memcpy (view->sort_descending, self->sort_descending, sizeof view->sort_descending);

  return view;
}

/* GTK 4.8's column view keeps a row widget for each of some 200 items around its scroll
 * position (visible or not), and builds those of the items added at once, cells and all.
 * When the list grows by more than a chunk, the view's model (a slice of the list) grows
 * by a chunk a frame until it covers the row widgets, then follows the list: no frame
 * builds more than a screenful of rows at first, ROWS_PER_FRAME rows after. */
#define ROWS_PER_FRAME 40
#define MAX_ROW_WIDGETS 210
#define MIN_ROW_HEIGHT 16

static void
stop_growing (TenureAccountsPage *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->grow_tick);
  self->grow_tick = 0;
}

/* Shows every row of the list in the view at once. */
static void
show_all_rows (TenureAccountsPage *self)
{
  stop_growing (self);
  gtk_slice_list_model_set_size (self->view_rows, G_MAXUINT);
}

static gboolean
grow_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  TenureAccountsPage *self = user_data;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->view_rows));

  /* The frame that shows the first rows builds no more. */
  if (self->grow_skip)
    {
      self->grow_skip = FALSE;
      return G_SOURCE_CONTINUE;
    }

  if (shown + ROWS_PER_FRAME >= MIN (self->shown->len, MAX_ROW_WIDGETS))
    {
      self->grow_tick = 0;
      gtk_slice_list_model_set_size (self->view_rows, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->view_rows, shown + ROWS_PER_FRAME);
  return G_SOURCE_CONTINUE;
}

/* Shows @rows in the list, and in the view at once or a chunk a frame. */
static void
set_list_rows (TenureAccountsPage *self,
               GPtrArray          *rows)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->view_rows));
  /* At least the rows a tall window shows (none of them is shorter than MIN_ROW_HEIGHT). */
  guint chunk = MAX (ROWS_PER_FRAME,
                     (guint) gtk_widget_get_height (GTK_WIDGET (self)) / MIN_ROW_HEIGHT);
  guint limit = G_MAXUINT;

  if (rows->len > shown + chunk && shown < MAX_ROW_WIDGETS)
    limit = shown + chunk;

  /* A smaller slice first, a larger one once the list holds the new rows: the view never
   * sees more than the rows it is meant to build. */
  if (limit < gtk_slice_list_model_get_size (self->view_rows))
    gtk_slice_list_model_set_size (self->view_rows, limit);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_ref (rows);
  tenure_account_list_set_rows (self->list, rows);
  if (limit == G_MAXUINT)
    show_all_rows (self);
  else if (self->grow_tick == 0)
    {
      /* The next frame shows the first chunk: the chunks after it, in the frames after. */
      self->grow_skip = TRUE;
      self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                      grow_cb, self, NULL);
    }
}

/* Shows @shown (rows of self->rows, filtered and sorted), keeping the account selected
 * selected when it is still there. */
static void
show_rows (TenureAccountsPage *self,
           GPtrArray          *shown)
{
  TenureAccountRow *selected = get_selected (self);
  gint64 selected_id = selected != NULL ? tenure_account_row_get_id (selected) : 0;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; selected_id != 0 && i < shown->len; i++)
    if (tenure_account_row_get_id (g_ptr_array_index (shown, i)) == selected_id)
      {
        position = i;
        break;
      }

  set_list_rows (self, shown);

  /* The selection follows the account, or goes when the account is filtered out. */
  if (position != GTK_INVALID_LIST_POSITION &&
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->view_rows)))
    show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
}

/* Shows the rows the filters let through, in the order of the column view's headers. */
static void
refresh_rows (TenureAccountsPage *self)
{
  g_autoptr(View) view = read_view (self);
  g_autoptr(GPtrArray) shown = view_apply (view, self->rows);

  show_rows (self, shown);
}

/* The column view sorts nothing itself (its GtkColumnViewSorter has no sort keys in GTK 4.8
 * and would read each row's values again for every comparison): its headers only say the
 * order, which this reads by comparing two probe rows that differ in one column, then in
 * two, and refresh_rows() follows with the keys computed in the worker. */
static int
probe_compare (TenureAccountsPage  *self,
               TenureAccountColumn  smaller,
               int                  larger)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  for (guint c = 0; c < TENURE_ACCOUNT_N_COLUMNS; c++)
    {
      tenure_account_row_set_sort_key (self->probes[0], c, 0);
      tenure_account_row_set_sort_key (self->probes[1], c, 0);
    }
  /* The first probe comes first by @smaller, last by @larger. */
  tenure_account_row_set_sort_key (self->probes[1], smaller, 1);
  if (larger >= 0)
    tenure_account_row_set_sort_key (self->probes[0], larger, 1);

  return gtk_sorter_compare (sorter, self->probes[0], self->probes[1]);
}

static void
read_sort_order (TenureAccountsPage *self)
{
  int direction[TENURE_ACCOUNT_N_COLUMNS];

  self->n_sort_columns = 0;
  for (guint c = 0; c < TENURE_ACCOUNT_N_COLUMNS; c++)
    {
      direction[c] = probe_compare (self, c, -1);
      if (direction[c] == GTK_ORDERING_EQUAL)
        continue;

      /* Insert the column after those sorted before it. */
      {
        guint at = self->n_sort_columns;

        while (at > 0 && probe_compare (self, c, self->sort_columns[at - 1]) == direction[c])
          at--;
        memmove (&self->sort_columns[at + 1], &self->sort_columns[at],
                 (self->n_sort_columns - at) * sizeof (TenureAccountColumn));
        self->sort_columns[at] = c;
        self->n_sort_columns++;
      }
    }
  for (guint i = 0; i < self->n_sort_columns; i++)
    self->sort_descending[i] = direction[self->sort_columns[i]] == GTK_ORDERING_LARGER;
}

static void
sorter_changed_cb (TenureAccountsPage *self)
{
  read_sort_order (self);
  refresh_rows (self);
}

static void
update_count (TenureAccountsPage *self)
{
  guint total = self->rows->len;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *month = tenure_format_month (self->month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *text = NULL;

  if (shown == total)
    /* Translators: a number of customers and a month, "412 customers of March 2026" */
    text = g_strdup_printf (ngettext ("%u customer of %s", "%u customers of %s", total),
                            total, month);
  else
    /* Translators: "12 of 412 customers of March 2026" */
    text = g_strdup_printf (ngettext ("%u of %u customer of %s",
                                      "%u of %u customers of %s", total),
                            shown, total, month);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0
                                    ? "rows" : "no-match");
}

static void
filter_changed_cb (TenureAccountsPage *self)
{
  if (self->updating > 0)
    return;

  refresh_rows (self);
  update_count (self);
}

static void
show_selected (TenureAccountsPage *self)
{
  TenureAccountRow *account = get_selected (self);

  /* The rows of a load are new objects: the same row is the same month's figures. */
  if (account != NULL && account == tenure_account_detail_get_account (self->detail))
    return;

  tenure_account_detail_set_account (self->detail,
                                     tenure_page_get_workspace (TENURE_PAGE (self)),
                                     self->month, self->currency, account);
}

static void
selection_changed_cb (TenureAccountsPage *self)
{
  show_selected (self);
}

/* The list inside the column view scrolls; GTK 4.8 has no gtk_column_view_scroll_to(). */
static void
scroll_to (TenureAccountsPage *self,
           guint               position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL && position != GTK_INVALID_LIST_POSITION;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
column_view_activate_cb (TenureAccountsPage *self,
                         guint               position)
{
  if (position != GTK_INVALID_LIST_POSITION)
    show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
back_clicked_cb (TenureAccountsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static GtkColumnViewColumn *
find_column (TenureAccountsPage *self,
             const char         *id)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "tenure-id"), id) == 0)
        return column;
    }

  return NULL;
}

static void
folded_changed_cb (TenureAccountsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
  /* Folded, the list may be as narrow as 550 pixels: owner and segment go (they are in
   * the account's pane, and the owner has its filter) so that the reasons stay readable.
   * Removed and inserted again: GTK 4.8 leaves the room of a hidden column empty. */
  if (folded && find_column (self, "owner") != NULL)
    {
      gtk_column_view_remove_column (self->column_view, self->owner_column);
      gtk_column_view_remove_column (self->column_view, self->segment_column);
    }
  else if (!folded && find_column (self, "owner") == NULL)
    {
      gtk_column_view_insert_column (self->column_view, 4, self->owner_column);
      gtk_column_view_insert_column (self->column_view, 5, self->segment_column);
    }
  /* Folded, a click opens the account; side by side, a click selects it. */
  gtk_column_view_set_single_click_activate (self->column_view, folded);
}

/* Fills the owner dropdown, keeping the owner chosen before when still there. */
static void
update_owners (TenureAccountsPage *self,
               const char * const *owners,
               gboolean            has_no_owner)
{
  g_autoptr(GtkStringList) items = NULL;
  g_autofree char *previous = NULL;
  gboolean no_owner;
  guint selected = 0;
  guint n_owners = g_strv_length ((GStrv) owners);

  /* Most months have the same owners: the dropdown stays as it is. */
  if (has_no_owner == self->has_no_owner &&
      n_owners == g_list_model_get_n_items (G_LIST_MODEL (self->owners)))
    {
      guint i = 0;

      while (i < n_owners && g_strcmp0 (owners[i],
                                        gtk_string_list_get_string (self->owners, i)) == 0)
        i++;
      if (i == n_owners && n_owners > 0)
        return;
    }

  previous = g_strdup (selected_owner (self, &no_owner));
  self->has_no_owner = has_no_owner;

  g_clear_object (&self->owners);
  self->owners = gtk_string_list_new (owners);

  items = gtk_string_list_new (NULL);
  gtk_string_list_append (items, _("All owners"));
  for (guint i = 0; i < n_owners; i++)
    {
      gtk_string_list_append (items, owners[i]);
      if (g_strcmp0 (previous, owners[i]) == 0)
        selected = i + 1;
    }
  if (has_no_owner)
    {
      gtk_string_list_append (items, _("No owner"));
      if (no_owner)
        selected = n_owners + 1;
    }

  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
}

static void
free_rows_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_ptr_array_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Drops @rows in a worker thread: finalizing 100,000 rows takes a while. */
static void
free_rows_in_thread (GPtrArray *rows)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, rows, NULL);
  g_task_run_in_thread (task, free_rows_worker);
}

/* Takes @rows as the page's rows, and shows @shown: those of @rows that @view lets
 * through, in its order, when @view is still the page's (else they are filtered and sorted
 * again). The slots on screen show them at once. */
static void
replace_rows (TenureAccountsPage *self,
              GPtrArray          *rows,
              const View         *view,
              GPtrArray          *shown)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->rows);
  g_autoptr(View) current = read_view (self);

  self->rows = g_ptr_array_ref (rows);
  if (view != NULL && shown != NULL && view_equal (view, current))
    show_rows (self, shown);
  else
    refresh_rows (self);
  free_rows_in_thread (g_steal_pointer (&old));
}

static void
loaded_cb (TenurePage           *page,
           const TenurePageLoad *load,
           gpointer              result,
           const GError         *error)
{
  TenureAccountsPage *self = TENURE_ACCOUNTS_PAGE (page);
  LoadResult *loaded = result;

  gtk_spinner_set_spinning (self->reload_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_spinner), FALSE);

  if (error != NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

      replace_rows (self, none, NULL, NULL);
      tenure_page_show_error (self->stack, self->error_page, error);
      return;
    }

  g_free (self->currency);
  self->currency = g_steal_pointer (&loaded->currency);
  self->month = load->month;

  /* The account selected stays selected when it is still a customer. */
  self->updating++;
  update_owners (self, (const char * const *) loaded->owners, loaded->has_no_owner);
  replace_rows (self, loaded->rows, load->data, loaded->shown);
  self->updating--;
  show_selected (self);

  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "accounts" : "empty");
}

static void
tenure_accounts_page_reload (TenurePage *page)
{
  TenureAccountsPage *self = TENURE_ACCOUNTS_PAGE (page);

  if (self->rows->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reload_spinner), TRUE);
      gtk_spinner_set_spinning (self->reload_spinner, TRUE);
    }

  tenure_page_load_in_thread (page, load_rows, read_view (self), view_free, load_result_free,
                              loaded_cb);
}

/* Cells: each shows one column of its row, and follows the row when a reload gives the
 * row another month's figures. */

static char *
drivers_tooltip (const TenureAccountHealth *health)
{
  g_autoptr(GString) tooltip = g_string_new (_("Components of the score, worst first:"));

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      TenureHealthComponent component = health->drivers[i];
      g_autofree char *percent = tenure_format_percent (100 * health->components[component],
                                                        0, TENURE_FORMAT_NONE,
                                                        TENURE_LANGUAGE_DEFAULT);

      g_string_append_printf (tooltip, "\n%s: %s", tenure_health_component_name (component),
                              percent);
    }

  return g_string_free (g_steal_pointer (&tooltip), FALSE);
}

static gboolean
query_tooltip_cb (GtkWidget   *label,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  GtkListItem *item)
{
  TenureAccountRow *row = gtk_list_item_get_item (item);
  const TenureAccountHealth *health;
  g_autofree char *text = NULL;

  if (row == NULL)
    return FALSE;

  health = tenure_account_row_get_health (row);
  switch (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "tenure-column")))
    {
    case TENURE_ACCOUNT_COLUMN_NAME:
      text = g_strdup_printf ("%s (%s)", tenure_account_row_get_name (row), health->external_id);
      break;
    case TENURE_ACCOUNT_COLUMN_SCORE:
      text = g_strdup (_("Health score from 0 to 100: green from 70, amber from 40, red below "
                         "40"));
      break;
    case TENURE_ACCOUNT_COLUMN_BAND:
      text = g_strdup (_("Green: healthy; amber: to watch; red: at risk of leaving"));
      break;
    case TENURE_ACCOUNT_COLUMN_MRR:
      text = g_strdup (_("Monthly recurring revenue at the end of the month"));
      break;
    case TENURE_ACCOUNT_COLUMN_OWNER:
      text = g_strdup (health->owner);
      break;
    case TENURE_ACCOUNT_COLUMN_SEGMENT:
      text = g_strdup (health->segment);
      break;
    case TENURE_ACCOUNT_COLUMN_DRIVERS:
      text = drivers_tooltip (health);
      break;
    default:
      g_assert_not_reached ();
    }

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The cells are TenureAccountCells, which ask for one line whatever their text and lay it
 * out only when drawn: a GtkLabel shapes its text to request a size, and the column view
 * keeps and measures some 200 rows in GTK 4.8, visible or not. The band's pill, which hugs
 * its word, stays a label: its text is one of three and rarely changes. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  TenureAccountColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell;

  if (column == TENURE_ACCOUNT_COLUMN_BAND)
    {
      cell = gtk_label_new (NULL);
      gtk_widget_set_halign (cell, GTK_ALIGN_START);
      gtk_widget_add_css_class (cell, "health-pill");
    }
  else
    {
      gboolean numeric = column == TENURE_ACCOUNT_COLUMN_SCORE ||
                         column == TENURE_ACCOUNT_COLUMN_MRR;

      /* The name and the reasons share the room the other columns leave: up to some 24
       * and 40 characters, then half of what remains each. */
      cell = tenure_account_cell_new (numeric ? 1 : 0,
                                      column == TENURE_ACCOUNT_COLUMN_NAME ? 24
                                      : column == TENURE_ACCOUNT_COLUMN_DRIVERS ? 40 : 0);
      if (numeric)
        gtk_widget_add_css_class (cell, "numeric");
    }
  /* The tooltip is made when asked: on X11, setting a visible widget's tooltip text asks
   * the X server where the pointer is, a round trip for each cell bound. */
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect_object (cell, "query-tooltip", G_CALLBACK (query_tooltip_cb), item, 0);

  g_object_set_data (G_OBJECT (item), "tenure-column", user_data);
  gtk_list_item_set_child (item, cell);
}

/* "● Red": the band with its dot, made once. */
static const char *
band_text (TenureHealthBand band)
{
  static char *texts[TENURE_HEALTH_N_BANDS];

  g_return_val_if_fail (band < TENURE_HEALTH_N_BANDS, "");

  if (texts[band] == NULL)
    /* Translators: a health band with a dot in front, such as "● Red" */
    texts[band] = g_strdup_printf (_("● %s"), tenure_health_band_name (band));

  return texts[band];
}

static void
set_text (GtkWidget  *cell,
          const char *text)
{
  if (TENURE_IS_ACCOUNT_CELL (cell))
    tenure_account_cell_set_text (TENURE_ACCOUNT_CELL (cell), text);
  else
    gtk_label_set_text (GTK_LABEL (cell), text);
}

/* An owner or a segment, or a dim "—" for none. */
static void
show_text (GtkWidget  *cell,
           const char *text)
{
  gboolean empty = text == NULL || *text == '\0';

  set_text (cell, empty ? "—" : text);
  if (empty)
    gtk_widget_add_css_class (cell, "dim-label");
  else
    gtk_widget_remove_css_class (cell, "dim-label");
}

static void
update_cell (GtkListItem *item)
{
  TenureAccountRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  const TenureAccountHealth *health;
  char score[16];

  if (row == NULL)
    return;

  health = tenure_account_row_get_health (row);
  switch (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "tenure-column")))
    {
    case TENURE_ACCOUNT_COLUMN_NAME:
      set_text (cell, tenure_account_row_get_name (row));
      break;

    case TENURE_ACCOUNT_COLUMN_SCORE:
      g_snprintf (score, sizeof score, "%d", health->score);
      set_text (cell, score);
      break;

    case TENURE_ACCOUNT_COLUMN_BAND:
      for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
        if (b != health->band)
          gtk_widget_remove_css_class (cell, tenure_health_band_key (b));
      gtk_widget_add_css_class (cell, tenure_health_band_key (health->band));
      set_text (cell, band_text (health->band));
      break;

    case TENURE_ACCOUNT_COLUMN_MRR:
      set_text (cell, tenure_account_row_get_mrr_text (row));
      break;

    case TENURE_ACCOUNT_COLUMN_OWNER:
      show_text (cell, health->owner);
      break;

    case TENURE_ACCOUNT_COLUMN_SEGMENT:
      show_text (cell, health->segment);
      break;

    case TENURE_ACCOUNT_COLUMN_DRIVERS:
      set_text (cell, tenure_account_row_get_drivers (row));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  update_cell (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "changed", G_CALLBACK (update_cell),
                           item, G_CONNECT_SWAPPED);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), item);
}

static int
compare_column_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  TenureAccountColumn column = GPOINTER_TO_UINT (user_data);
  gint64 key_a = tenure_account_row_get_sort_key ((TenureAccountRow *) a, column);
  gint64 key_b = tenure_account_row_get_sort_key ((TenureAccountRow *) b, column);

  return key_a < key_b ? GTK_ORDERING_SMALLER
                       : key_a > key_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_column (TenureAccountsPage  *self,
            const char          *id,
            const char          *title,
            TenureAccountColumn  column,
            int                  fixed_width,
            gboolean             expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);
  view_column = gtk_column_view_column_new (title, factory);
  g_object_set_data_full (G_OBJECT (view_column), "tenure-id", g_strdup (id), g_free);
  /* Only read by read_sort_order (): the rows are sorted with their keys. */
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_column_cb, GUINT_TO_POINTER (column),
                                              NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
setup_columns (TenureAccountsPage *self)
{
  /* Fixed widths but for the name and the reasons, which share the room left: the page
   * must fit 550 pixels, as the window's stack is as wide as its widest page. Names and
   * reasons longer than their cell are in tooltips. */
  add_column (self, "name", _("Account"), TENURE_ACCOUNT_COLUMN_NAME, -1, TRUE);
  add_column (self, "score", _("Score"), TENURE_ACCOUNT_COLUMN_SCORE, 64, FALSE);
  add_column (self, "band", _("Health"), TENURE_ACCOUNT_COLUMN_BAND, 76, FALSE);
  add_column (self, "mrr", _("MRR"), TENURE_ACCOUNT_COLUMN_MRR, 80, FALSE);
  add_column (self, "owner", _("Owner"), TENURE_ACCOUNT_COLUMN_OWNER, 80, FALSE);
  add_column (self, "segment", _("Segment"), TENURE_ACCOUNT_COLUMN_SEGMENT, 88, FALSE);
  add_column (self, "drivers", _("Why"), TENURE_ACCOUNT_COLUMN_DRIVERS, -1, TRUE);

  /* Worst first until the user picks another order. */
  gtk_column_view_sort_by_column (self->column_view, find_column (self, "score"),
                                  GTK_SORT_ASCENDING);
}

/* The style of the health pills, for the page and the preferences. */
void
tenure_accounts_page_ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       RESOURCE_PREFIX "/ui/tenure-accounts-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
tenure_accounts_page_dispose (GObject *object)
{
  TenureAccountsPage *self = TENURE_ACCOUNTS_PAGE (object);

  /* Removing the columns changes the sorter: the rows need not follow. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view),
                                            self);
      stop_growing (self);
    }
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_ACCOUNTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->view_rows);
  g_clear_object (&self->list);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->probes[0]);
  g_clear_object (&self->probes[1]);
  g_clear_object (&self->owner_column);
  g_clear_object (&self->segment_column);
  g_clear_object (&self->owners);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (tenure_accounts_page_parent_class)->dispose (object);
}

static void
tenure_accounts_page_class_init (TenureAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_accounts_page_dispose;

  page_class->reload = tenure_accounts_page_reload;

  g_type_ensure (TENURE_TYPE_ACCOUNT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, band_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, dormant_button);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, reload_spinner);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TenureAccountsPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
}

static void
tenure_accounts_page_init (TenureAccountsPage *self)
{
  const char * const all_owners[] = { _("All owners"), NULL };

  tenure_accounts_page_ensure_style ();
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owners = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->owner_dropdown,
                           G_LIST_MODEL (gtk_string_list_new (all_owners)));
  g_object_unref (gtk_drop_down_get_model (self->owner_dropdown));

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->list = tenure_account_list_new ();
  self->view_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0,
                                              G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->view_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);

  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  setup_columns (self);
  self->owner_column = g_object_ref (find_column (self, "owner"));
  self->segment_column = g_object_ref (find_column (self, "segment"));
  for (guint i = 0; i < G_N_ELEMENTS (self->probes); i++)
    {
      TenureAccountHealth probe = { 0 };

      self->probes[i] = tenure_account_row_new (&probe, "EUR");
    }
  read_sort_order (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  folded_changed_cb (self);
  self->updating--;
}

/**
 * tenure_accounts_page_show_dormant:
 *
 * Shows the dormant customers only, clearing the other filters: the Overview's dormant
 * figure leads here.
 */
void
tenure_accounts_page_show_dormant (TenureAccountsPage *self)
{
  g_return_if_fail (TENURE_IS_ACCOUNTS_PAGE (self));

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->band_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_toggle_button_set_active (self->dormant_button, TRUE);
  self->updating--;
  filter_changed_cb (self);
}

/* The rows shown, filtered and sorted: TenureAccountRow slots, each the same object
 * whatever account it shows (tenure_account_row_get_account() gives the account). */
GListModel *
tenure_accounts_page_get_rows (TenureAccountsPage *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->list);
}

/* The customers scored, before any filter. */
guint
tenure_accounts_page_get_n_accounts (TenureAccountsPage *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNTS_PAGE (self), 0);

  return self->rows->len;
}

void
tenure_accounts_page_set_search (TenureAccountsPage *self,
                                 const char         *text)
{
  g_return_if_fail (TENURE_IS_ACCOUNTS_PAGE (self));

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->updating--;
  filter_changed_cb (self);
}

/* @band: a TenureHealthBand, or −1 for every band. */
void
tenure_accounts_page_set_band_filter (TenureAccountsPage *self,
                                      int                 band)
{
  guint selected = 0;

  g_return_if_fail (TENURE_IS_ACCOUNTS_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (dropdown_bands); i++)
    if ((int) dropdown_bands[i] == band)
      selected = i + 1;
  gtk_drop_down_set_selected (self->band_dropdown, selected);
}

/* @owner: an owner's name, or NULL for every owner. */
void
tenure_accounts_page_set_owner_filter (TenureAccountsPage *self,
                                       const char         *owner)
{
  guint selected = 0;
  guint n_owners;

  g_return_if_fail (TENURE_IS_ACCOUNTS_PAGE (self));

  n_owners = g_list_model_get_n_items (G_LIST_MODEL (self->owners));

  for (guint i = 0; owner != NULL && i < n_owners; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->owners, i), owner) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
}

void
tenure_accounts_page_set_dormant_filter (TenureAccountsPage *self,
                                         gboolean            dormant)
{
  g_return_if_fail (TENURE_IS_ACCOUNTS_PAGE (self));

  gtk_toggle_button_set_active (self->dormant_button, dormant);
}

/* @column: name, score, band, mrr, owner, segment or drivers. */
void
tenure_accounts_page_sort (TenureAccountsPage *self,
                           const char         *column,
                           GtkSortType         order)
{
  GtkColumnViewColumn *found;

  g_return_if_fail (TENURE_IS_ACCOUNTS_PAGE (self));

  found = find_column (self, column);
  g_return_if_fail (found != NULL);
  gtk_column_view_sort_by_column (self->column_view, found, order);
}

/* Selects the row at @position of tenure_accounts_page_get_rows() and shows it. */
void
tenure_accounts_page_select (TenureAccountsPage *self,
                             guint               position)
{
  g_return_if_fail (TENURE_IS_ACCOUNTS_PAGE (self));

  column_view_activate_cb (self, position);
}

TenureAccountDetail *
tenure_accounts_page_get_detail (TenureAccountsPage *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNTS_PAGE (self), NULL);

  return self->detail;
}
