/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lists the scored customers of the month: search, band, owner and dormant filters, sortable
 * columns, and the selected account in a side pane. Scores are computed off the main thread. */

#define G_LOG_DOMAIN "tenure-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

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

  GListStore          *store;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *owner_column;   /* out of the view while folded */
  GtkColumnViewColumn *segment_column; /* likewise */
  GtkStringList       *owners;     /* the items of owner_dropdown after "All owners" */
  gboolean             has_no_owner;

  char                *currency;
  int                  month;
  guint                updating;
};

G_DEFINE_FINAL_TYPE (TenureAccountsPage, tenure_accounts_page, TENURE_TYPE_PAGE)

/* Identifies our GTasks (a function pointer is not a gpointer in ISO C). */
static char load_tag;

/* The rows of band_dropdown after "All bands", worst first. */
static const TenureHealthBand dropdown_bands[] = {
  TENURE_HEALTH_RED, TENURE_HEALTH_AMBER, TENURE_HEALTH_GREEN,
};

typedef struct
{
  TenureWorkspace *workspace;
  int              month;
  char            *filter;
} LoadData;

typedef struct
{
  TenureHealthReport *report;
  char               *currency;
} LoadResult;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->workspace);
  g_free (load->filter);
  g_free (load);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->report, tenure_health_report_free);
  g_free (result->currency);
  g_free (result);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult *result;
  TenureFilter filter;
  TenureHealthReport *report;

  db = tenure_workspace_open_db (load->workspace, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  tenure_filter_from_string (load->filter, &filter);
  report = tenure_health_compute (db, load->month, &filter, cancellable, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->report = report;
  result->currency = tenure_db_get_setting (db, "currency", "EUR");
  g_task_return_pointer (task, result, load_result_free);
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

static gboolean
match_row (gpointer item,
           gpointer user_data)
{
  TenureAccountsPage *self = user_data;
  TenureAccountRow *row = item;
  const TenureAccountHealth *health = tenure_account_row_get_health (row);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint band = gtk_drop_down_get_selected (self->band_dropdown);
  gboolean no_owner;
  const char *owner = selected_owner (self, &no_owner);

  if (band > 0 && band <= G_N_ELEMENTS (dropdown_bands) &&
      health->band != dropdown_bands[band - 1])
    return FALSE;
  if (owner != NULL && g_strcmp0 (owner, health->owner) != 0)
    return FALSE;
  if (no_owner && health->owner != NULL && *health->owner != '\0')
    return FALSE;
  if (gtk_toggle_button_get_active (self->dormant_button) && !health->dormant)
    return FALSE;

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *name = g_utf8_casefold (tenure_account_row_get_name (row), -1);
      g_autofree char *id = g_utf8_casefold (health->external_id, -1);

      if (strstr (name, needle) == NULL && strstr (id, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
update_count (TenureAccountsPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
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

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
show_selected (TenureAccountsPage *self)
{
  TenureAccountRow *row = gtk_single_selection_get_selected_item (self->selection);

  tenure_account_detail_set_account (self->detail,
                                     tenure_page_get_workspace (TENURE_PAGE (self)),
                                     self->month, self->currency, row);
}

static void
selection_changed_cb (TenureAccountsPage *self)
{
  TenureAccountRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row == tenure_account_detail_get_account (self->detail))
    return;
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Fills the owner dropdown, keeping the owner chosen before when still there. */
static void
update_owners (TenureAccountsPage       *self,
               const TenureHealthReport *report)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GtkStringList) items = NULL;
  g_autofree char *previous = NULL;
  gboolean no_owner;
  guint selected = 0;
  const char *owner = selected_owner (self, &no_owner);

  previous = g_strdup (owner);
  self->has_no_owner = FALSE;
  for (guint i = 0; i < report->accounts->len; i++)
    {
      const TenureAccountHealth *account = g_ptr_array_index (report->accounts, i);

      if (account->owner == NULL || *account->owner == '\0')
        self->has_no_owner = TRUE;
      else if (g_hash_table_add (seen, account->owner))
        g_ptr_array_add (names, account->owner);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  g_clear_object (&self->owners);
  self->owners = gtk_string_list_new ((const char * const *) names->pdata);

  items = gtk_string_list_new (NULL);
  gtk_string_list_append (items, _("All owners"));
  for (guint i = 0; i + 1 < names->len; i++)
    {
      gtk_string_list_append (items, g_ptr_array_index (names, i));
      if (g_strcmp0 (previous, g_ptr_array_index (names, i)) == 0)
        selected = i + 1;
    }
  if (self->has_no_owner)
    {
      gtk_string_list_append (items, _("No owner"));
      if (no_owner)
        selected = names->len;
    }

  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TenureAccountsPage) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  LoadData *load = g_task_get_task_data (G_TASK (result));
  LoadResult *loaded;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 selected_id = 0;
  TenureAccountRow *selected;
  guint n_sorted;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&loaded, load_result_free);
      return;
    }

  gtk_spinner_set_spinning (self->reload_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_spinner), FALSE);

  if (loaded == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      g_list_store_remove_all (self->store);
      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      tenure_page_end_loading (TENURE_PAGE (self), cancellable);
      return;
    }

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    selected_id = tenure_account_row_get_id (selected);

  g_free (self->currency);
  self->currency = g_steal_pointer (&loaded->currency);
  self->month = load->month;

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < loaded->report->accounts->len; i++)
    g_ptr_array_add (rows, tenure_account_row_new (g_ptr_array_index (loaded->report->accounts,
                                                                       i)));

  self->updating++;
  update_owners (self, loaded->report);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  self->updating--;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Keep the account shown when it is still a customer; else nothing is selected. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  n_sorted = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; selected_id != 0 && i < n_sorted; i++)
    {
      g_autoptr(TenureAccountRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (tenure_account_row_get_id (row) == selected_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  show_selected (self);

  update_count (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    loaded->report->accounts->len > 0 ? "accounts" : "empty");
  load_result_free (loaded);

  tenure_page_end_loading (TENURE_PAGE (self), cancellable);
}

static void
tenure_accounts_page_reload (TenurePage *page)
{
  TenureAccountsPage *self = TENURE_ACCOUNTS_PAGE (page);
  TenureWorkspace *workspace = tenure_page_get_workspace (page);
  GCancellable *cancellable = tenure_page_begin_loading (page);
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reload_spinner), TRUE);
      gtk_spinner_set_spinning (self->reload_spinner, TRUE);
    }

  load = g_new0 (LoadData, 1);
  load->workspace = g_object_ref (workspace);
  load->month = tenure_page_get_month (page);
  load->filter = g_strdup (tenure_workspace_get_filter (workspace));

  task = g_task_new (NULL, cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, &load_tag);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_worker);
}

/* Cells */

static GtkWidget *
new_cell_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  return label;
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  TenureAccountRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const TenureAccountHealth *health = tenure_account_row_get_health (row);
  g_autofree char *tooltip = g_strdup_printf ("%s (%s)", tenure_account_row_get_name (row),
                                              health->external_id);

  gtk_label_set_text (GTK_LABEL (label), tenure_account_row_get_name (row));
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = new_cell_label (GPOINTER_TO_INT (user_data) ? 1 : 0);

  if (GPOINTER_TO_INT (user_data))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_score_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  TenureAccountRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = g_strdup_printf ("%d", tenure_account_row_get_score (row));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item),
                               _("Health score from 0 to 100: green from 70, amber from 40, "
                                 "red below 40"));
}

static void
bind_mrr_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  TenureAccountsPage *self = user_data;
  TenureAccountRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = tenure_format_money (tenure_account_row_get_mrr (row),
                                               self->currency, TENURE_FORMAT_NONE,
                                               TENURE_LANGUAGE_DEFAULT);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item),
                               _("Monthly recurring revenue at the end of the month"));
}

static void
bind_text (GtkListItem *item,
           const char  *text,
           const char  *missing)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean empty = text == NULL || *text == '\0';

  gtk_label_set_text (GTK_LABEL (label), empty ? missing : text);
  gtk_widget_set_tooltip_text (label, empty ? NULL : text);
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_owner_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  bind_text (item, tenure_account_row_get_owner (gtk_list_item_get_item (item)), "—");
}

static void
bind_segment_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  bind_text (item, tenure_account_row_get_segment (gtk_list_item_get_item (item)), "—");
}

static void
bind_drivers_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  TenureAccountRow *row = gtk_list_item_get_item (item);
  const TenureAccountHealth *health = tenure_account_row_get_health (row);
  g_autoptr(GString) tooltip = g_string_new (_("Components of the score, worst first:"));
  GtkWidget *label = gtk_list_item_get_child (item);

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      TenureHealthComponent component = health->drivers[i];
      g_autofree char *percent = tenure_format_percent (100 * health->components[component],
                                                        0, TENURE_FORMAT_NONE,
                                                        TENURE_LANGUAGE_DEFAULT);

      g_string_append_printf (tooltip, "\n%s: %s", tenure_health_component_name (component),
                              percent);
    }

  gtk_label_set_text (GTK_LABEL (label), tenure_account_row_get_drivers (row));
  gtk_widget_set_tooltip_text (label, tooltip->str);
}

static void
setup_band_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "health-pill");
  gtk_list_item_set_child (item, label);
}

static void
bind_band_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  TenureAccountRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  TenureHealthBand band = tenure_account_row_get_band (row);
  /* Translators: a health band with a dot in front, such as "● Red" */
  g_autofree char *text = g_strdup_printf (_("● %s"), tenure_health_band_name (band));

  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    gtk_widget_remove_css_class (label, tenure_health_band_key (b));
  gtk_widget_add_css_class (label, tenure_health_band_key (band));
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, _("Green: healthy; amber: to watch; red: at risk of "
                                        "leaving"));
}

static void
add_column (TenureAccountsPage *self,
            const char         *id,
            const char         *title,
            GCallback           setup,
            GCallback           bind,
            gpointer            data,
            GtkSorter          *sorter,
            int                 fixed_width,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  column = gtk_column_view_column_new (title, factory);
  g_object_set_data_full (G_OBJECT (column), "tenure-id", g_strdup (id), g_free);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_clear_object (&sorter);
}

static GtkSorter *
string_sorter (const char *property)
{
  GtkExpression *expression = gtk_property_expression_new (TENURE_TYPE_ACCOUNT_ROW, NULL,
                                                           property);

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

static GtkSorter *
numeric_sorter (const char *property)
{
  GtkExpression *expression = gtk_property_expression_new (TENURE_TYPE_ACCOUNT_ROW, NULL,
                                                           property);

  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

static void
setup_columns (TenureAccountsPage *self)
{
  /* Fixed widths but for the name and the reasons, which share the room left: the page
   * must fit 550 pixels, as the window's stack is as wide as its widest page. Names and
   * reasons longer than their cell are in tooltips. */
  add_column (self, "name", _("Account"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_name_cb), GINT_TO_POINTER (FALSE), string_sorter ("name"),
              -1, TRUE);
  add_column (self, "score", _("Score"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_score_cb), GINT_TO_POINTER (TRUE), numeric_sorter ("score"),
              64, FALSE);
  add_column (self, "band", _("Health"), G_CALLBACK (setup_band_cb),
              G_CALLBACK (bind_band_cb), NULL, numeric_sorter ("band"), 76, FALSE);
  add_column (self, "mrr", _("MRR"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_mrr_cb), self, numeric_sorter ("mrr"), 80, FALSE);
  add_column (self, "owner", _("Owner"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_owner_cb), GINT_TO_POINTER (FALSE), string_sorter ("owner"),
              80, FALSE);
  add_column (self, "segment", _("Segment"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_segment_cb), GINT_TO_POINTER (FALSE), string_sorter ("segment"),
              88, FALSE);
  add_column (self, "drivers", _("Why"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_drivers_cb), GINT_TO_POINTER (FALSE),
              string_sorter ("drivers"), -1, TRUE);

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

  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_ACCOUNTS_PAGE);

  g_clear_object (&self->selection);
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

  self->store = g_list_store_new (TENURE_TYPE_ACCOUNT_ROW);
  self->filter = gtk_custom_filter_new (match_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->store),
                                              GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);

  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  setup_columns (self);
  self->owner_column = g_object_ref (find_column (self, "owner"));
  self->segment_column = g_object_ref (find_column (self, "segment"));
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
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

/* The rows shown, filtered and sorted: TenureAccountRow items. */
GListModel *
tenure_accounts_page_get_rows (TenureAccountsPage *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/* The customers scored, before any filter. */
guint
tenure_accounts_page_get_n_accounts (TenureAccountsPage *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNTS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
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
