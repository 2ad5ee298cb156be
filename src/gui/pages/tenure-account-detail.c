/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows one account: facts, health components as bars, MRR history and recent weeks. */

#define G_LOG_DOMAIN "tenure-account-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-account.h"
#include "tenure-account-detail.h"
#include "tenure-date.h"
#include "tenure-format.h"
#include "tenure-line-chart.h"

#define HISTORY_MONTHS 12
#define HISTORY_WEEKS  8

struct _TenureAccountDetail
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  GtkLabel         *title;
  GtkLabel         *band;
  GtkLabel         *score;
  GtkLabel         *dormant;
  GtkLabel         *mrr;
  GtkLabel         *owner;
  GtkLabel         *segment;
  GtkLabel         *plan;
  GtkLabel         *signup;
  GtkLevelBar      *bars[TENURE_HEALTH_N_COMPONENTS];
  GtkLabel         *bar_labels[TENURE_HEALTH_N_COMPONENTS];
  GtkWidget        *chart;
  GtkListBox       *weeks;
  GtkSpinner       *spinner;

  TenureAccountRow *row;
  GCancellable     *cancellable;
  guint             n_weeks;
};

G_DEFINE_FINAL_TYPE (TenureAccountDetail, tenure_account_detail, ADW_TYPE_BIN)

/* Identifies our GTasks (a function pointer is not a gpointer in ISO C). */
static char load_tag;

/* What each component measures, in plain words. */
static const char * const component_help[TENURE_HEALTH_N_COMPONENTS] = {
  N_("Days with a session in the last 30 days; 15 days or more is full marks"),
  N_("Jobs completed in the last 30 days; 4 or more is full marks"),
  N_("The latest NPS answer of the last 6 months; no answer counts as half"),
  N_("Share of strategic tickets in the last 90 days; no ticket counts as half"),
  N_("Recurring revenue against 3 months ago: more is full marks, the same is half"),
};

typedef struct
{
  TenureWorkspace *workspace;
  gint64           account_id;
  int              month;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->workspace);
  g_free (load);
}

static GtkLabel *
add_fact (GtkListBox *list,
          const char *title,
          const char *tooltip)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new ("—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  gtk_widget_add_css_class (value, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (row, tooltip);
  gtk_list_box_append (list, row);

  return GTK_LABEL (value);
}

static GtkListBox *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return GTK_LIST_BOX (list);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);

  return label;
}

static char *
format_day (gint32      day,
            const char *format)
{
  int year, mon, mday;
  g_autoptr(GDateTime) date = NULL;

  tenure_civil_from_days (day, &year, &mon, &mday);
  date = g_date_time_new_utc (year, mon, mday, 0, 0, 0);

  return g_date_time_format (date, format);
}

/* "4 sessions · 2 jobs · 1 ticket · NPS 9", or NULL for a week without anything. */
static char *
week_summary (const TenureAccountWeek *week)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (week->sessions > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u session", "%u sessions",
                                                       week->sessions), week->sessions));
  if (week->jobs > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u job completed",
                                                       "%u jobs completed", week->jobs),
                                             week->jobs));
  if (week->tickets > 0)
    {
      g_autofree char *tickets = g_strdup_printf (ngettext ("%u ticket", "%u tickets",
                                                            week->tickets), week->tickets);

      if (week->strategic_tickets > 0)
        /* Translators: a number of tickets, then how many of them are strategic */
        g_ptr_array_add (parts, g_strdup_printf (_("%s (%u strategic)"), tickets,
                                                 week->strategic_tickets));
      else
        g_ptr_array_add (parts, g_steal_pointer (&tickets));
    }
  if (week->nps >= 0)
    /* Translators: an NPS answer, from 0 to 10 */
    g_ptr_array_add (parts, g_strdup_printf (_("NPS answer %d"), week->nps));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the facts of a week */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
clear_weeks (TenureAccountDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->weeks))) != NULL)
    gtk_list_box_remove (self->weeks, child);
  self->n_weeks = 0;
}

static void
show_history (TenureAccountDetail        *self,
              const TenureAccountHistory *history)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  g_autofree double *values = g_new (double, history->n_months);
  guint series;
  gint32 signup;

  tenure_chart_data_add_months (data, history->first_month, history->n_months,
                                TENURE_LANGUAGE_DEFAULT);
  series = tenure_chart_data_add_series (data, _("MRR"), TENURE_CHART_COLOR_BLUE);
  for (guint i = 0; i < history->n_months; i++)
    values[i] = (double) history->mrr_cents[i];
  tenure_chart_data_set_values (data, series, values, history->n_months);
  tenure_chart_set_data (TENURE_CHART (self->chart), data);

  if (history->signup_date != NULL && tenure_date_parse (history->signup_date, &signup))
    {
      /* Translators: a date, see the strftime() manual */
      g_autofree char *text = format_day (signup, _("%-d %B %Y"));

      gtk_label_set_text (self->signup, text);
    }
  else
    gtk_label_set_text (self->signup, "—");

  clear_weeks (self);
  for (guint i = history->n_weeks; i > 0; i--)
    {
      const TenureAccountWeek *week = &history->weeks[i - 1];
      /* Translators: the Monday of a week, see the strftime() manual */
      g_autofree char *day = format_day (week->first_day, _("%-d %b %Y"));
      /* Translators: %s is the date of a Monday */
      g_autofree char *title = g_strdup_printf (_("Week of %s"), day);
      g_autofree char *summary = week_summary (week);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   summary != NULL ? summary : _("No activity"));
      if (summary == NULL)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->weeks, row);
      self->n_weeks++;
    }
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
  TenureAccountHistory *history;

  db = tenure_workspace_open_db (load->workspace, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  history = tenure_account_history_load (db, load->account_id, load->month, HISTORY_MONTHS,
                                         HISTORY_WEEKS, cancellable, &error);
  if (history == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, history, (GDestroyNotify) tenure_account_history_free);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TenureAccountDetail) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(TenureAccountHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  history = g_task_propagate_pointer (G_TASK (result), &error);
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  if (history == NULL)
    {
      clear_weeks (self);
      tenure_chart_set_data (TENURE_CHART (self->chart), NULL);
      tenure_chart_set_empty_text (TENURE_CHART (self->chart), error->message);
      return;
    }

  show_history (self, history);
}

static void
tenure_account_detail_dispose (GObject *object)
{
  TenureAccountDetail *self = TENURE_ACCOUNT_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->row);

  G_OBJECT_CLASS (tenure_account_detail_parent_class)->dispose (object);
}

static void
tenure_account_detail_class_init (TenureAccountDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tenure_account_detail_dispose;
}

static GtkWidget *
build_account_view (TenureAccountDetail *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkListBox *facts = boxed_list ();
  GtkListBox *health = boxed_list ();
  GtkWidget *chart_frame;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));

  self->band = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->band), "health-pill");
  self->score = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->score), "numeric");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->score),
                               _("The health score, from 0 to 100: green from 70, amber "
                                 "from 40, red below 40"));
  self->dormant = GTK_LABEL (gtk_label_new (_("Dormant")));
  gtk_widget_add_css_class (GTK_WIDGET (self->dormant), "health-pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->dormant), "dormant");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dormant),
                               _("Pays but has not opened the product in the last 30 days "
                                 "of the month"));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->spinner), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (tags), GTK_WIDGET (self->band));
  gtk_box_append (GTK_BOX (tags), GTK_WIDGET (self->score));
  gtk_box_append (GTK_BOX (tags), GTK_WIDGET (self->dormant));
  gtk_box_append (GTK_BOX (tags), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), tags);

  gtk_box_append (GTK_BOX (box), heading (_("Account")));
  self->mrr = add_fact (facts, _("MRR"),
                        _("Monthly recurring revenue at the end of the month"));
  gtk_widget_add_css_class (GTK_WIDGET (self->mrr), "numeric");
  self->owner = add_fact (facts, _("Owner"), NULL);
  self->segment = add_fact (facts, _("Segment"), NULL);
  self->plan = add_fact (facts, _("Plan"), NULL);
  self->signup = add_fact (facts, _("Signed up"), NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (facts));

  gtk_box_append (GTK_BOX (box), heading (_("Health")));
  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      GtkWidget *value = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tenure_health_component_name (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(component_help[i]));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_size_request (bar, 72, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_label_set_width_chars (GTK_LABEL (value), 5);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (health, row);
      self->bars[i] = GTK_LEVEL_BAR (bar);
      self->bar_labels[i] = GTK_LABEL (value);
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (health));

  gtk_box_append (GTK_BOX (box), heading (_("Recurring Revenue")));
  self->chart = tenure_line_chart_new ();
  tenure_chart_set_title (TENURE_CHART (self->chart), _("MRR over the last 12 months"));
  tenure_chart_set_show_legend (TENURE_CHART (self->chart), FALSE);
  tenure_chart_set_include_zero (TENURE_CHART (self->chart), TRUE);
  gtk_widget_set_size_request (self->chart, -1, 200);
  chart_frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (chart_frame, "card");
  gtk_frame_set_child (GTK_FRAME (chart_frame), self->chart);
  gtk_box_append (GTK_BOX (box), chart_frame);

  gtk_box_append (GTK_BOX (box), heading (_("Recent Weeks")));
  self->weeks = boxed_list ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->weeks));

  return scrolled;
}

static void
tenure_account_detail_init (TenureAccountDetail *self)
{
  GtkWidget *empty = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-address-book-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Account Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Pick an account in the list to see its health, its "
                                     "recurring revenue and its recent activity."));
  gtk_widget_add_css_class (empty, "compact");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, build_account_view (self), "account");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
tenure_account_detail_new (void)
{
  return g_object_new (TENURE_TYPE_ACCOUNT_DETAIL, NULL);
}

static void
set_optional (GtkLabel   *label,
              const char *text,
              const char *missing)
{
  gtk_label_set_text (label, text != NULL && *text != '\0' ? text : missing);
}

/**
 * tenure_account_detail_set_account:
 * @row: (nullable): the account, or NULL for the empty state
 *
 * Shows @row at once, and loads its history of @month from @workspace off the main
 * thread.
 */
void
tenure_account_detail_set_account (TenureAccountDetail *self,
                                   TenureWorkspace     *workspace,
                                   int                  month,
                                   const char          *currency,
                                   TenureAccountRow    *row)
{
  const TenureAccountHealth *health;
  g_autoptr(GTask) task = NULL;
  g_autofree char *mrr = NULL;
  g_autofree char *score = NULL;
  g_autofree char *band = NULL;
  LoadData *load;

  g_return_if_fail (TENURE_IS_ACCOUNT_DETAIL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->row, row);

  if (row == NULL || workspace == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  health = tenure_account_row_get_health (row);
  gtk_label_set_text (self->title, tenure_account_row_get_name (row));

  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->band), tenure_health_band_key (b));
  gtk_widget_add_css_class (GTK_WIDGET (self->band), tenure_health_band_key (health->band));
  /* Translators: a health band with a dot in front, such as "● Red" */
  band = g_strdup_printf (_("● %s"), tenure_health_band_name (health->band));
  gtk_label_set_text (self->band, band);
  /* Translators: a health score out of 100 */
  score = g_strdup_printf (_("Score %d / 100"), health->score);
  gtk_label_set_text (self->score, score);
  gtk_widget_set_visible (GTK_WIDGET (self->dormant), health->dormant);

  mrr = tenure_format_money (health->mrr_cents, currency, TENURE_FORMAT_CENTS,
                             TENURE_LANGUAGE_DEFAULT);
  gtk_label_set_text (self->mrr, mrr);
  set_optional (self->owner, health->owner, _("No owner"));
  set_optional (self->segment, health->segment, _("No segment"));
  set_optional (self->plan, health->plan, _("No plan"));
  gtk_label_set_text (self->signup, "—");

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      g_autofree char *percent = tenure_format_percent (100 * health->components[i], 0,
                                                        TENURE_FORMAT_NONE,
                                                        TENURE_LANGUAGE_DEFAULT);

      gtk_level_bar_set_value (self->bars[i], health->components[i]);
      gtk_label_set_text (self->bar_labels[i], percent);
    }

  clear_weeks (self);
  tenure_chart_set_data (TENURE_CHART (self->chart), NULL);
  tenure_chart_set_empty_text (TENURE_CHART (self->chart), _("Loading…"));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "account");

  load = g_new0 (LoadData, 1);
  load->workspace = g_object_ref (workspace);
  load->account_id = tenure_account_row_get_id (row);
  load->month = month;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, &load_tag);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_worker);
}

TenureAccountRow *
tenure_account_detail_get_account (TenureAccountDetail *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_DETAIL (self), NULL);

  return self->row;
}

/* Whether the history of the account shown is still loading. */
gboolean
tenure_account_detail_get_loading (TenureAccountDetail *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_DETAIL (self), FALSE);

  return self->cancellable != NULL;
}

const char *
tenure_account_detail_get_title (TenureAccountDetail *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_DETAIL (self), NULL);

  return gtk_label_get_text (self->title);
}

const char *
tenure_account_detail_get_mrr_text (TenureAccountDetail *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_DETAIL (self), NULL);

  return gtk_label_get_text (self->mrr);
}

/* The weeks listed under "Recent Weeks". */
guint
tenure_account_detail_get_n_weeks (TenureAccountDetail *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_DETAIL (self), 0);

  return self->n_weeks;
}
