/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Wraps a TenureAccountHealth in a GObject with its texts and sort keys, built off the main
 * thread, and lists rows for the Accounts page's column view.
 *
 * The list's items are slots: the item at a position stays the same object whatever
 * account it shows, and a new order or a new month only points the slots in use to other
 * accounts. The column view then never builds or drops a row widget for a reload, a sort
 * or a search (GTK 4.8 builds a new row widget for every item that is not the same object
 * as before). */

#define G_LOG_DOMAIN "tenure-account-row"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "tenure-account-row.h"
#include "tenure-format.h"

/* What a row owns; moved as a whole from a fresh row to a row on screen. */
typedef struct
{
  TenureAccountHealth  health;
  char                *display_name;
  char                *mrr_text;
  char                *drivers;
  char                *search_name;   /* case-folded, for the search */
  char                *search_id;
  gint64               sort_keys[TENURE_ACCOUNT_N_COLUMNS];
} RowData;

struct _TenureAccountRow
{
  GObject           parent_instance;

  RowData           own;
  RowData          *data;    /* own, or the account's that the slot shows */
  TenureAccountRow *account; /* for a slot: the account shown */
};

G_DEFINE_FINAL_TYPE (TenureAccountRow, tenure_account_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* A weak component in words, or NULL when it is not weak (below one half). */
static const char *
component_phrase (TenureHealthComponent component,
                  double                value)
{
  if (value >= 0.5)
    return NULL;

  switch (component)
    {
    case TENURE_HEALTH_USAGE:
      /* A customer without a session in 30 days is dormant (METRICS.md section 11). */
      return value <= 0 ? _("dormant") : _("usage low");
    case TENURE_HEALTH_JOBS:
      return value <= 0 ? _("no jobs lately") : _("few jobs");
    case TENURE_HEALTH_SENTIMENT:
      return _("unhappy in the NPS survey");
    case TENURE_HEALTH_SUPPORT:
      return value <= 0 ? _("only basic tickets") : _("mostly basic tickets");
    case TENURE_HEALTH_TREND:
      return _("revenue down");
    case TENURE_HEALTH_N_COMPONENTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tenure_account_drivers_text:
 *
 * The weak components of the score, worst first, in words ("Usage low, no jobs
 * lately"), dormant customers included; "Nothing weak" when every component is at least
 * one half.
 */
char *
tenure_account_drivers_text (const TenureAccountHealth *health)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      TenureHealthComponent component = health->drivers[i];
      const char *phrase = component_phrase (component, health->components[component]);

      if (phrase == NULL)
        continue;
      if (text->len > 0)
        /* Translators: between two weak points of an account, "usage low, no jobs lately" */
        g_string_append (text, _(", "));
      g_string_append (text, phrase);
    }

  if (text->len == 0)
    return g_strdup (_("Nothing weak"));

  /* The first letter in upper case, as a sentence. */
  {
    gunichar first = g_utf8_get_char (text->str);
    char upper[8] = { 0 };
    const char *rest = g_utf8_next_char (text->str);

    g_unichar_to_utf8 (g_unichar_totitle (first), upper);
    return g_strconcat (upper, rest, NULL);
  }
}

static void
row_data_clear (RowData *data)
{
  g_free (data->health.external_id);
  g_free (data->health.name);
  g_free (data->health.owner);
  g_free (data->health.segment);
  g_free (data->health.plan);
  g_free (data->health.channel);
  g_free (data->display_name);
  g_free (data->mrr_text);
  g_free (data->drivers);
  g_free (data->search_name);
  g_free (data->search_id);
  memset (data, 0, sizeof *data);
}

static void
tenure_account_row_finalize (GObject *object)
{
  TenureAccountRow *self = (TenureAccountRow *)object;

  row_data_clear (&self->own);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (tenure_account_row_parent_class)->finalize (object);
}

static void
tenure_account_row_class_init (TenureAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_account_row_finalize;

  /**
   * TenureAccountRow::changed:
   *
   * Emitted when a slot shows another account: the cells showing it redraw.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tenure_account_row_init (TenureAccountRow *self)
{
  self->data = &self->own;
}

/**
 * tenure_account_row_new:
 * @currency: the workspace's currency, for the MRR's text
 *
 * A row for @health, with its texts ready. May be called in any thread.
 */
TenureAccountRow *
tenure_account_row_new (const TenureAccountHealth *health,
                        const char                *currency)
{
  TenureAccountRow *self = g_object_new (TENURE_TYPE_ACCOUNT_ROW, NULL);
  RowData *data = &self->own;

  data->health = *health;
  data->health.external_id = g_strdup (health->external_id);
  data->health.name = g_strdup (health->name);
  data->health.owner = g_strdup (health->owner);
  data->health.segment = g_strdup (health->segment);
  data->health.plan = g_strdup (health->plan);
  data->health.channel = g_strdup (health->channel);
  data->display_name = g_strdup (health->name != NULL && *health->name != '\0'
                                 ? health->name
                                 : health->external_id != NULL ? health->external_id : "");
  data->mrr_text = tenure_format_money (health->mrr_cents, currency, TENURE_FORMAT_NONE,
                                        TENURE_LANGUAGE_DEFAULT);
  data->drivers = tenure_account_drivers_text (health);
  data->search_name = g_utf8_casefold (data->display_name, -1);
  data->search_id = g_utf8_casefold (health->external_id != NULL ? health->external_id : "", -1);
  data->sort_keys[TENURE_ACCOUNT_COLUMN_SCORE] = health->score;
  data->sort_keys[TENURE_ACCOUNT_COLUMN_BAND] = health->band;
  data->sort_keys[TENURE_ACCOUNT_COLUMN_MRR] = health->mrr_cents;

  return self;
}

typedef struct
{
  const char       *key;
  TenureAccountRow *row;
} RankItem;

static int
compare_rank_items (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (((const RankItem *) a)->key, ((const RankItem *) b)->key);
}

static const char *
column_text (TenureAccountRow    *row,
             TenureAccountColumn  column)
{
  switch (column)
    {
    case TENURE_ACCOUNT_COLUMN_NAME:
      return row->data->display_name;
    case TENURE_ACCOUNT_COLUMN_OWNER:
      return row->data->health.owner;
    case TENURE_ACCOUNT_COLUMN_SEGMENT:
      return row->data->health.segment;
    case TENURE_ACCOUNT_COLUMN_DRIVERS:
      return row->data->drivers;
    case TENURE_ACCOUNT_COLUMN_SCORE:
    case TENURE_ACCOUNT_COLUMN_BAND:
    case TENURE_ACCOUNT_COLUMN_MRR:
    case TENURE_ACCOUNT_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Sets the sort key of a text column: the rank of the row's text in the locale's order,
 * equal texts with equal ranks, no text first. */
static void
rank_column (GPtrArray           *rows,
             TenureAccountColumn  column)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree RankItem *items = g_new (RankItem, MAX (rows->len, 1));
  gint64 rank = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      TenureAccountRow *row = g_ptr_array_index (rows, i);
      const char *text = column_text (row, column);
      char *key;

      if (text == NULL)
        text = "";
      key = g_hash_table_lookup (keys, text);
      if (key == NULL)
        {
          key = g_utf8_collate_key (text, -1);
          g_hash_table_insert (keys, (gpointer) text, key);
        }
      items[i].key = key;
      items[i].row = row;
    }

  qsort (items, rows->len, sizeof (RankItem), compare_rank_items);
  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0 && strcmp (items[i - 1].key, items[i].key) != 0)
        rank++;
      items[i].row->own.sort_keys[column] = rank;
    }
}

/**
 * tenure_account_rows_new:
 *
 * The rows of @report's accounts, in its order, with the sort keys of every column. Meant
 * for a worker thread: it collates every name.
 *
 * Returns: (transfer full) (element-type TenureAccountRow): the rows
 */
GPtrArray *
tenure_account_rows_new (const TenureHealthReport *report,
                         const char               *currency)
{
  GPtrArray *rows = g_ptr_array_new_full (report->accounts->len, g_object_unref);
  const TenureAccountColumn text_columns[] = {
    TENURE_ACCOUNT_COLUMN_NAME, TENURE_ACCOUNT_COLUMN_OWNER, TENURE_ACCOUNT_COLUMN_SEGMENT,
    TENURE_ACCOUNT_COLUMN_DRIVERS,
  };

  for (guint i = 0; i < report->accounts->len; i++)
    g_ptr_array_add (rows, tenure_account_row_new (g_ptr_array_index (report->accounts, i),
                                                   currency));
  for (guint c = 0; c < G_N_ELEMENTS (text_columns); c++)
    rank_column (rows, text_columns[c]);

  return rows;
}

/* Points the slot @self to @account (a row of tenure_account_rows_new()). */
static void
slot_show (TenureAccountRow *self,
           TenureAccountRow *account)
{
  g_set_object (&self->account, account);
  self->data = &account->own;
}

/**
 * tenure_account_row_get_account:
 *
 * The account a slot of a #TenureAccountList shows, which keeps its figures (the slot
 * shows another account after a sort or a reload); a row that is not a slot itself.
 *
 * Returns: (transfer none): the account's row
 */
TenureAccountRow *
tenure_account_row_get_account (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->account != NULL ? self->account : self;
}

const TenureAccountHealth *
tenure_account_row_get_health (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return &self->data->health;
}

gint64
tenure_account_row_get_id (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->data->health.account_id;
}

/* The account's name, or its external id when it has none. */
const char *
tenure_account_row_get_name (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->data->display_name;
}

const char *
tenure_account_row_get_owner (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->data->health.owner;
}

const char *
tenure_account_row_get_segment (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->data->health.segment;
}

int
tenure_account_row_get_score (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->data->health.score;
}

TenureHealthBand
tenure_account_row_get_band (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->data->health.band;
}

gint64
tenure_account_row_get_mrr (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->data->health.mrr_cents;
}

/* The MRR in the workspace's currency, "1 234 €". */
const char *
tenure_account_row_get_mrr_text (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->data->mrr_text;
}

gboolean
tenure_account_row_get_dormant (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), FALSE);

  return self->data->health.dormant;
}

const char *
tenure_account_row_get_drivers (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->data->drivers;
}

/* Whether the name or the external id contains @needle, a case-folded text. */
gboolean
tenure_account_row_matches (TenureAccountRow *self,
                            const char       *needle)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), FALSE);

  return strstr (self->data->search_name, needle) != NULL ||
         strstr (self->data->search_id, needle) != NULL;
}

/* The row's key for sorting by @column: the number, or the rank of the text among the
 * rows built together. */
gint64
tenure_account_row_get_sort_key (TenureAccountRow    *self,
                                 TenureAccountColumn  column)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);
  g_return_val_if_fail (column < TENURE_ACCOUNT_N_COLUMNS, 0);

  return self->data->sort_keys[column];
}

void
tenure_account_row_set_sort_key (TenureAccountRow    *self,
                                 TenureAccountColumn  column,
                                 gint64               key)
{
  g_return_if_fail (TENURE_IS_ACCOUNT_ROW (self));
  g_return_if_fail (column < TENURE_ACCOUNT_N_COLUMNS);

  self->data->sort_keys[column] = key;
}

/* TenureAccountList: the rows shown, in an array replaced at once: unlike a GListStore,
 * replacing 100,000 rows costs nothing but the signal. The list does not own its rows:
 * whoever sets them keeps them alive while they are shown, so that a row's reference
 * count says whether anything else (a widget, the selection) holds it. */

struct _TenureAccountList
{
  GObject    parent_instance;

  GPtrArray *rows;    /* the accounts shown, borrowed */
  GPtrArray *slots;   /* TenureAccountRow or NULL, one for each row, made when asked */
};

static GType
tenure_account_list_get_item_type (GListModel *model)
{
  return TENURE_TYPE_ACCOUNT_ROW;
}

static guint
tenure_account_list_get_n_items (GListModel *model)
{
  return TENURE_ACCOUNT_LIST (model)->rows->len;
}

static gpointer
tenure_account_list_get_item (GListModel *model,
                              guint       position)
{
  TenureAccountList *self = TENURE_ACCOUNT_LIST (model);
  TenureAccountRow *slot;

  if (position >= self->rows->len)
    return NULL;

  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      slot = g_object_new (TENURE_TYPE_ACCOUNT_ROW, NULL);
      slot_show (slot, g_ptr_array_index (self->rows, position));
      self->slots->pdata[position] = slot;
    }

  return g_object_ref (slot);
}

static void
tenure_account_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tenure_account_list_get_item_type;
  iface->get_n_items = tenure_account_list_get_n_items;
  iface->get_item = tenure_account_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TenureAccountList, tenure_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tenure_account_list_model_init))

static void
slot_free (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
tenure_account_list_finalize (GObject *object)
{
  TenureAccountList *self = (TenureAccountList *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (tenure_account_list_parent_class)->finalize (object);
}

static void
tenure_account_list_class_init (TenureAccountListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tenure_account_list_finalize;
}

static void
tenure_account_list_init (TenureAccountList *self)
{
  self->rows = g_ptr_array_new ();
  self->slots = g_ptr_array_new_with_free_func (slot_free);
}

TenureAccountList *
tenure_account_list_new (void)
{
  return g_object_new (TENURE_TYPE_ACCOUNT_LIST, NULL);
}

/**
 * tenure_account_list_set_rows:
 * @rows: (element-type TenureAccountRow): rows of tenure_account_rows_new(), kept alive by
 *   the caller while shown; the list keeps a reference to the array, which must not
 *   change afterwards
 *
 * Shows @rows instead of the rows shown before: the slots in use show their new account
 * and emit #TenureAccountRow::changed, and only a change of length is an items-changed.
 */
void
tenure_account_list_set_rows (TenureAccountList *self,
                              GPtrArray         *rows)
{
  g_autoptr(GPtrArray) old = NULL;
  guint n_common;

  g_return_if_fail (TENURE_IS_ACCOUNT_LIST (self));
  g_return_if_fail (rows != NULL);

  old = g_steal_pointer (&self->rows);
  self->rows = g_ptr_array_ref (rows);
  n_common = MIN (old->len, rows->len);

  g_ptr_array_set_size (self->slots, rows->len);
  if (old->len != rows->len)
    g_list_model_items_changed (G_LIST_MODEL (self), n_common, old->len - n_common,
                                rows->len - n_common);

  for (guint i = 0; i < n_common; i++)
    {
      TenureAccountRow *slot = g_ptr_array_index (self->slots, i);
      TenureAccountRow *account = g_ptr_array_index (rows, i);

      if (slot == NULL || slot->account == account)
        continue;

      /* A slot nobody else holds is not in use: drop it rather than update it. */
      if (g_atomic_int_get ((int *) &G_OBJECT (slot)->ref_count) == 1)
        {
          g_clear_object ((TenureAccountRow **) &self->slots->pdata[i]);
          continue;
        }

      slot_show (slot, account);
      g_signal_emit (slot, signals [CHANGED], 0);
    }
}
