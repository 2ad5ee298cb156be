/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Initiatives page: each retention action with the churn of its customers against the
 * others month by month, its gain and ROI; a form to create and edit them, saved at once
 * and undoable (TenureInitiativeEditor). */

#define G_LOG_DOMAIN "tenure-initiatives-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-date.h"
#include "tenure-format.h"
#include "tenure-initiatives-page-private.h"
#include "tenure-line-chart.h"
#include "tenure-metrics-groups.h"
#include "tenure-scenario.h"
#include "tenure-workspace.h"

G_DEFINE_FINAL_TYPE (TenureInitiativesPage, tenure_initiatives_page, TENURE_TYPE_PAGE)


/* Months offered by the form after the workspace's last month. */
#define FUTURE_MONTHS 24

typedef struct
{
  TenureDb  *edit_db;
  GPtrArray *initiatives;
  char     **segments;
  GPtrArray *scenarios;
  char      *currency;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->edit_db, tenure_db_close);
  g_clear_pointer (&result->initiatives, g_ptr_array_unref);
  g_clear_pointer (&result->segments, g_strfreev);
  g_clear_pointer (&result->scenarios, g_ptr_array_unref);
  g_free (result->currency);
  g_free (result);
}

/* @load's data is TRUE when the page needs its own connection for the edits. */
static gpointer
load_initiatives (TenureDb             *db,
                  const TenurePageLoad *load,
                  GCancellable         *cancellable,
                  GError              **error)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  if (GPOINTER_TO_INT (load->data))
    {
      result->edit_db = tenure_workspace_open_edit_db (load->workspace, error);
      if (result->edit_db == NULL)
        {
          load_result_free (result);
          return NULL;
        }
    }
  result->initiatives = tenure_initiative_roi (db, load->month,
                                               load->filter.kind != TENURE_FILTER_NONE
                                               ? &load->filter : NULL,
                                               cancellable, error);
  if (result->initiatives != NULL)
    result->segments = tenure_metrics_list_groups (db, TENURE_FILTER_SEGMENT, error);
  if (result->segments != NULL)
    result->scenarios = tenure_scenario_load_all (db, error);
  if (result->scenarios == NULL)
    {
      load_result_free (result);
      return NULL;
    }
  result->currency = tenure_db_get_setting (db, "currency", "EUR");

  return result;
}

static char *
format_money (const TenureInitiativesPage *self,
              gint64                       cents)
{
  if (cents == TENURE_CENTS_NULL)
    return g_strdup ("—");
  return tenure_format_money (cents, self->currency, TENURE_FORMAT_NONE,
                              TENURE_LANGUAGE_DEFAULT);
}

static char *
format_roi (double pct)
{
  if (isnan (pct))
    return g_strdup ("—");
  return tenure_format_percent (pct, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

/* "Segment SMB", "Onboarding scenario “First report”". */
static char *
describe_target (const TenureInitiativeRoi *roi)
{
  if (roi->segment != NULL)
    return g_strdup_printf (_("Segment %s"), roi->segment);
  /* Translators: the customers targeted by an initiative, by onboarding scenario */
  return g_strdup_printf (_("Onboarding scenario “%s”"),
                          roi->scenario_name != NULL ? roi->scenario_name : "?");
}

static GtkWidget *
figure_box (const char *value,
            const char *caption,
            const char *tooltip,
            GtkWidget **value_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (value);
  GtkWidget *title = gtk_label_new (caption);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_set_tooltip_text (title, tooltip);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label);
  if (value_label != NULL)
    *value_label = label;

  return box;
}

static GtkWidget *
make_chart (const TenureInitiativeRoi *roi)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  GtkWidget *chart = tenure_line_chart_new ();
  guint targeted, others;

  targeted = tenure_chart_data_add_series (data, _("Targeted customers"),
                                           TENURE_CHART_COLOR_GREEN);
  others = tenure_chart_data_add_series (data, _("Other customers"), TENURE_CHART_COLOR_NEUTRAL);
  for (guint i = 0; i < roi->months->len; i++)
    {
      const TenureInitiativeMonth *month = &g_array_index (roi->months, TenureInitiativeMonth, i);
      g_autofree char *label = tenure_format_month (month->month, TENURE_LANGUAGE_DEFAULT);
      guint category = tenure_chart_data_add_category (data, label);

      tenure_chart_data_set_value (data, targeted, category, month->targeted_churn_pct);
      tenure_chart_data_set_value (data, others, category, month->other_churn_pct);
    }

  tenure_chart_set_title (TENURE_CHART (chart), _("Monthly churn, targeted against the others"));
  tenure_chart_set_empty_text (TENURE_CHART (chart), _("The initiative has not started yet"));
  tenure_chart_set_include_zero (TENURE_CHART (chart), TRUE);
  tenure_chart_set_data (TENURE_CHART (chart), data);
  gtk_widget_set_size_request (chart, -1, 220);

  return chart;
}

static GtkWidget *
make_card (TenureInitiativesPage     *self,
           const TenureInitiativeRoi *roi)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (roi->name);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *gain_label;
  GtkWidget *roi_label;
  GtkWidget *detail;
  g_autofree char *target = describe_target (roi);
  g_autofree char *first = tenure_format_month (roi->start_month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *last = tenure_format_month (roi->end_month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *subtitle = NULL;
  g_autofree char *cost = format_money (self, roi->cost_cents);
  g_autofree char *gain = format_money (self, roi->gain_cents);
  g_autofree char *roi_text = format_roi (roi->roi_pct);
  g_autofree char *counts = NULL;

  gtk_widget_add_css_class (card, "card");

  /* Translators: the target of an initiative, then its first and last month */
  subtitle = g_strdup_printf (_("%s · %s to %s"), target, first, last);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* Any name fits the card: cut inside a word too long for a line, at most three lines. */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 3);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  detail = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), name);
  gtk_box_append (GTK_BOX (titles), detail);

  gtk_widget_set_valign (edit, GTK_ALIGN_START);
  gtk_widget_set_valign (delete, GTK_ALIGN_START);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit the initiative"));
  gtk_widget_set_tooltip_text (delete, _("Delete the initiative"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "initiatives.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", roi->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "initiatives.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", roi->id);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), edit);
  gtk_box_append (GTK_BOX (header), delete);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_box_append (GTK_BOX (card), header);

  gtk_box_append (GTK_BOX (figures),
                  figure_box (cost, _("Cost"), _("What the initiative cost"), NULL));
  gtk_box_append (GTK_BOX (figures),
                  figure_box (gain, _("Gain"),
                              _("Revenue the targeted customers kept by churning less than the "
                                "others, over the initiative’s months up to the month shown"),
                              &gain_label));
  gtk_box_append (GTK_BOX (figures),
                  figure_box (roi_text, _("Return on investment"),
                              isnan (roi->roi_pct)
                              ? _("No return on investment without a cost")
                              /* xgettext:no-c-format */
                              : _("(Gain − cost) / cost: above 0 % the initiative paid for "
                                  "itself"),
                              &roi_label));
  gtk_box_set_homogeneous (GTK_BOX (figures), TRUE);
  if (!isnan (roi->roi_pct))
    gtk_widget_add_css_class (roi_label, roi->roi_pct >= 0 ? "success" : "error");
  gtk_widget_set_margin_start (figures, 12);
  gtk_widget_set_margin_end (figures, 12);
  gtk_box_append (GTK_BOX (card), figures);
  g_object_set_data (G_OBJECT (card), TENURE_INITIATIVE_CARD_GAIN, gain_label);
  g_object_set_data (G_OBJECT (card), TENURE_INITIATIVE_CARD_ROI, roi_label);

  if (roi->n_months > 0)
    {
      GtkWidget *count_label;

      counts = g_strdup_printf (_("Compared at the start of the last month counted: %u targeted "
                                  "customers, %u others."),
                                roi->targeted_accounts, roi->other_accounts);
      count_label = gtk_label_new (counts);
      gtk_label_set_xalign (GTK_LABEL (count_label), 0);
      gtk_label_set_wrap (GTK_LABEL (count_label), TRUE);
      gtk_widget_add_css_class (count_label, "caption");
      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_set_margin_start (count_label, 12);
      gtk_widget_set_margin_end (count_label, 12);
      gtk_box_append (GTK_BOX (card), count_label);
    }

  if (roi->n_months > 0 && (roi->targeted_accounts < TENURE_INITIATIVE_MIN_GROUP ||
                            roi->other_accounts < TENURE_INITIATIVE_MIN_GROUP))
    {
      g_autofree char *text = g_strdup_printf (_("Too few customers to conclude: fewer than %d "
                                                 "in a group, so chance alone can explain the "
                                                 "difference."),
                                               TENURE_INITIATIVE_MIN_GROUP);
      GtkWidget *warning = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (warning), 0);
      gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_margin_start (warning, 12);
      gtk_widget_set_margin_end (warning, 12);
      gtk_widget_set_name (warning, "small-groups-warning");
      gtk_box_append (GTK_BOX (card), warning);
    }

  {
    GtkWidget *chart = make_chart (roi);

    gtk_widget_set_margin_start (chart, 12);
    gtk_widget_set_margin_end (chart, 12);
    gtk_widget_set_margin_bottom (chart, *roi->notes == '\0' ? 12 : 0);
    gtk_box_append (GTK_BOX (card), chart);
  }

  if (roi->notes != NULL && *roi->notes != '\0')
    {
      GtkWidget *notes = gtk_label_new (roi->notes);

      gtk_label_set_xalign (GTK_LABEL (notes), 0);
      gtk_label_set_wrap (GTK_LABEL (notes), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (notes), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (notes), 12);
      gtk_label_set_ellipsize (GTK_LABEL (notes), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (notes, 12);
      gtk_widget_set_margin_end (notes, 12);
      gtk_widget_set_margin_bottom (notes, 12);
      gtk_box_append (GTK_BOX (card), notes);
    }

  g_object_set_data (G_OBJECT (card), "initiative-id", GINT_TO_POINTER ((int) roi->id));
  return card;
}

static void
show_initiatives (TenureInitiativesPage *self,
                  const TenurePageLoad  *load)
{
  g_autofree char *month_name = tenure_format_month (load->month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *group = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  group = tenure_filter_describe (&load->filter);
  /* Translators: the month the gains are counted up to and the group of accounts */
  summary = g_strdup_printf (_("Gains up to %s · %s"), month_name, group);
  gtk_label_set_label (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);
  for (guint i = 0; i < self->initiatives->len; i++)
    gtk_box_append (self->cards_box, make_card (self, g_ptr_array_index (self->initiatives, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), self->initiatives->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->formula_label), self->initiatives->len > 0);
}

/* The form's choices */

static void
fill_choices (TenureInitiativesPage *self,
              LoadResult            *loaded)
{
  TenureWorkspace *workspace = tenure_page_get_workspace (TENURE_PAGE (self));
  int first = tenure_workspace_get_first_month (workspace);
  int last = tenure_workspace_get_last_month (workspace);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);

  if (first <= 0 || last <= 0)
    first = last = tenure_page_get_month (TENURE_PAGE (self));
  for (guint i = 0; i < self->initiatives->len; i++)
    {
      const TenureInitiativeRoi *roi = g_ptr_array_index (self->initiatives, i);

      first = MIN (first, roi->start_month);
      last = MAX (last, roi->end_month);
    }
  last += FUTURE_MONTHS;

  self->filling = TRUE;
  g_array_set_size (self->months, 0);
  for (int m = first; m <= last; m++)
    {
      g_autofree char *label = tenure_format_month (m, TENURE_LANGUAGE_DEFAULT);

      g_array_append_val (self->months, m);
      gtk_string_list_append (months, label);
    }
  adw_combo_row_set_model (self->first_row, G_LIST_MODEL (months));
  adw_combo_row_set_model (self->last_row, G_LIST_MODEL (months));

  g_ptr_array_set_size (self->target_segments, 0);
  g_array_set_size (self->target_scenarios, 0);
  for (guint i = 0; loaded->segments[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Segment %s"), loaded->segments[i]);
      gint64 none = 0;

      g_ptr_array_add (self->target_segments, g_strdup (loaded->segments[i]));
      g_array_append_val (self->target_scenarios, none);
      gtk_string_list_append (targets, label);
    }
  for (guint i = 0; i < loaded->scenarios->len; i++)
    {
      const TenureScenario *scenario = g_ptr_array_index (loaded->scenarios, i);
      g_autofree char *label = g_strdup_printf (_("Onboarding scenario “%s”"), scenario->name);

      g_ptr_array_add (self->target_segments, NULL);
      g_array_append_val (self->target_scenarios, scenario->id);
      gtk_string_list_append (targets, label);
    }
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (targets));
  self->filling = FALSE;
}

static void
editor_changed_cb (TenureInitiativesPage *self)
{
  _tenure_initiatives_page_refresh_form (self);
  tenure_page_queue_reload (TENURE_PAGE (self));
}

static void
drop_editor (TenureInitiativesPage *self)
{
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->edit_db, tenure_db_close);
  g_clear_object (&self->edit_workspace);
}

static void
take_edit_db (TenureInitiativesPage *self,
              TenureWorkspace       *workspace,
              TenureDb              *db)
{
  drop_editor (self);
  self->edit_workspace = g_object_ref (workspace);
  self->edit_db = db;
  if (!tenure_db_is_read_only (db))
    {
      self->editor = tenure_initiative_editor_new (db);
      g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);
      g_signal_connect_swapped (self->editor, "notify::can-undo",
                                G_CALLBACK (_tenure_initiatives_page_update_sensitivity), self);
      g_signal_connect_swapped (self->editor, "notify::can-redo",
                                G_CALLBACK (_tenure_initiatives_page_update_sensitivity), self);
    }
  _tenure_initiatives_page_update_sensitivity (self);
}

/* Loading */

static void
loaded_cb (TenurePage           *page,
           const TenurePageLoad *load,
           gpointer              result,
           const GError         *error)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (page);
  LoadResult *loaded = result;

  if (error != NULL)
    tenure_page_show_error (self->stack, self->error_page, error);
  else
    {
      const char *visible = gtk_stack_get_visible_child_name (self->stack);

      if (loaded->edit_db != NULL)
        take_edit_db (self, load->workspace, g_steal_pointer (&loaded->edit_db));
      g_clear_pointer (&self->initiatives, g_ptr_array_unref);
      self->initiatives = g_steal_pointer (&loaded->initiatives);
      g_free (self->currency);
      self->currency = g_steal_pointer (&loaded->currency);
      if (g_strcmp0 (visible, "form") != 0)
        {
          fill_choices (self, loaded);
          gtk_stack_set_visible_child_name (self->stack, "list");
        }
      show_initiatives (self, load);
    }
}

static void
tenure_initiatives_page_reload (TenurePage *page)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (page);
  TenureWorkspace *workspace = tenure_page_get_workspace (page);
  gboolean open_edit_db = self->edit_workspace != workspace;

  if (self->edit_workspace != workspace)
    {
      drop_editor (self);
      _tenure_initiatives_page_close_form (self);
      _tenure_initiatives_page_update_sensitivity (self);
    }
  if (self->initiatives == NULL || self->edit_workspace != workspace)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  tenure_page_load_in_thread (page, load_initiatives, GINT_TO_POINTER (open_edit_db), NULL,
                              load_result_free, loaded_cb);
}

static void
tenure_initiatives_page_dispose (GObject *object)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (object);

  drop_editor (self);
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_INITIATIVES_PAGE);

  G_OBJECT_CLASS (tenure_initiatives_page_parent_class)->dispose (object);
}

static void
tenure_initiatives_page_finalize (GObject *object)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (object);

  g_clear_pointer (&self->initiatives, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->target_segments, g_ptr_array_unref);
  g_clear_pointer (&self->target_scenarios, g_array_unref);
  g_free (self->currency);

  G_OBJECT_CLASS (tenure_initiatives_page_parent_class)->finalize (object);
}

static void
tenure_initiatives_page_class_init (TenureInitiativesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_initiatives_page_dispose;
  object_class->finalize = tenure_initiatives_page_finalize;

  page_class->reload = tenure_initiatives_page_reload;

  g_type_ensure (TENURE_TYPE_LINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-initiatives-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, cost_row);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, cost_spin);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, first_row);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, form_error);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, formula_label);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, last_row);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, TenureInitiativesPage, toast_overlay);

  _tenure_initiatives_page_class_add_actions (widget_class);
}

static void
tenure_initiatives_page_init (TenureInitiativesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->months = g_array_new (FALSE, FALSE, sizeof (int));
  self->target_segments = g_ptr_array_new_with_free_func (g_free);
  self->target_scenarios = g_array_new (FALSE, FALSE, sizeof (gint64));

  _tenure_initiatives_page_connect_form (self);
  _tenure_initiatives_page_update_sensitivity (self);
}
