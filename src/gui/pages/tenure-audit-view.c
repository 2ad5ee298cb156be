/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Audit view of the Qualification page: which answers the best-retained customers gave.
 *
 * For each question, a diverging bar chart of the share of the best-retained group (left)
 * and of the fastest-churning group (right) that chose each answer, sorted by lift; the
 * strongest signals in plain sentences; and the points the audit suggests. */

#define G_LOG_DOMAIN "tenure-audit-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-audit-view.h"
#include "tenure-bar-chart.h"
#include "tenure-month-selector.h"

struct _TenureAuditView
{
  AdwBin          parent_instance;

  AdwStatusPage  *empty_page;
  GtkBox         *questions_box;
  GtkLabel       *signals_label;
  GtkWidget      *signals_group;
  GtkStack       *stack;
  GtkLabel       *summary_label;

  GPtrArray      *charts;   /* TenureBarChart, one per question */
};

G_DEFINE_FINAL_TYPE (TenureAuditView, tenure_audit_view, ADW_TYPE_BIN)

/* The order of the bars: highest lift first; an answer only the best-retained chose
 * comes before any lift, one nobody chose last. */
static double
sort_key (const TenureAuditOption *option)
{
  if (!option->has_shares)
    return -2;
  if (option->has_lift)
    return option->lift;
  if (option->share_top_pct > 0)
    return INFINITY;

  return -1;
}

/* The answers of a question in its chart and table, at most. */
#define MAX_SHOWN_ANSWERS 24

static int
compare_options (gconstpointer a,
                 gconstpointer b)
{
  double key_a = sort_key (*(const TenureAuditOption * const *) a);
  double key_b = sort_key (*(const TenureAuditOption * const *) b);

  return key_a < key_b ? 1 : key_a > key_b ? -1 : 0;
}

typedef struct
{
  char   *text;
  double  strength;
} Signal;

/* Strongest for the best-retained first, strongest for the fastest-churning last. */
static int
compare_signals (gconstpointer a,
                 gconstpointer b)
{
  double strength_a = ((const Signal *) a)->strength;
  double strength_b = ((const Signal *) b)->strength;

  return strength_a < strength_b ? 1 : strength_a > strength_b ? -1 : 0;
}

static char *
format_lift (double lift)
{
  g_autofree char *number = tenure_format_number (lift, 1, TENURE_FORMAT_NONE,
                                                  TENURE_LANGUAGE_DEFAULT);

  /* Translators: a ratio, "3.1×" */
  return g_strdup_printf (_("%s×"), number);
}

/* The sentence of one option's signal, or NULL when it says nothing. @strength is how
 * strong it is, to pick the strongest: positive when the answer announces customers who
 * stay, negative when it announces customers who leave. */
static char *
describe_signal (const TenureAuditOption *option,
                 double                  *strength)
{
  g_autofree char *ratio = NULL;

  *strength = 0;
  if (!option->has_shares || option->top_count + option->bottom_count == 0)
    return NULL;

  if (!option->has_lift)
    {
      *strength = 1e6 + option->top_count;
      return g_strdup_printf (_("Accounts who answered “%s” are only found among the "
                                "best-retained (%u of them)."), option->text, option->top_count);
    }
  if (option->lift == 0)
    {
      *strength = -(1e6 + option->bottom_count);
      return g_strdup_printf (_("Accounts who answered “%s” are only found among the "
                                "fastest-churning (%u of them)."), option->text,
                              option->bottom_count);
    }
  if (option->lift >= 1.2)
    {
      *strength = option->lift;
      ratio = format_lift (option->lift);
      return g_strdup_printf (_("Accounts who answered “%s” are %s more frequent among the "
                                "best-retained."), option->text, ratio);
    }
  if (option->lift <= 1 / 1.2)
    {
      *strength = -1 / option->lift;
      ratio = format_lift (1 / option->lift);
      return g_strdup_printf (_("Accounts who answered “%s” are %s more frequent among the "
                                "fastest-churning."), option->text, ratio);
    }

  return NULL;
}

static GtkWidget *
create_label (const char *text,
              const char *css_class,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Answer | points now | suggested, one line per option in the chart's order. */
static GtkWidget *
create_points_grid (GPtrArray *sorted)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *headers[] = { N_("Answer"), N_("Lift"), N_("Points"), N_("Suggested") };
  const char *tooltips[] = {
    NULL,
    N_("How many times more frequent the answer is among the best-retained than among the "
       "fastest-churning; above 1× it announces customers who stay"),
    N_("The points the answer is worth today"),
    N_("The points the audit suggests from the lift; “—” when too few customers chose it"),
  };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *label = create_label (_(headers[c]), "caption-heading", c == 0 ? 0 : 1);

      gtk_widget_add_css_class (label, "dim-label");
      if (tooltips[c] != NULL)
        gtk_widget_set_tooltip_text (label, _(tooltips[c]));
      gtk_widget_set_hexpand (label, c == 0);
      gtk_grid_attach (GTK_GRID (grid), label, (int) c, 0, 1, 1);
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      const TenureAuditOption *option = g_ptr_array_index (sorted, i);
      g_autofree char *lift = NULL;
      g_autofree char *points = g_strdup_printf ("%d", option->points);
      g_autofree char *suggested = NULL;
      GtkWidget *label;

      lift = option->has_lift ? format_lift (option->lift) : g_strdup ("—");
      suggested = option->has_suggestion ? g_strdup_printf ("%d", option->suggested_points)
                                         : g_strdup ("—");

      gtk_grid_attach (GTK_GRID (grid), create_label (option->text, NULL, 0), 0, (int) i + 1, 1, 1);
      label = create_label (lift, "numeric", 1);
      if (!option->has_lift)
        gtk_widget_set_tooltip_text (label, option->has_shares && option->share_top_pct > 0
                                            ? _("No fastest-churning customer chose it")
                                            : _("No customer of either group chose it"));
      gtk_grid_attach (GTK_GRID (grid), label, 1, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), create_label (points, "numeric", 1), 2, (int) i + 1, 1, 1);
      label = create_label (suggested, "numeric", 1);
      if (option->has_suggestion && option->suggested_points != option->points)
        gtk_widget_add_css_class (label, "accent");
      if (!option->has_suggestion)
        gtk_widget_set_tooltip_text (label, _("Too few customers of the two groups chose it to "
                                              "suggest points"));
      gtk_grid_attach (GTK_GRID (grid), label, 3, (int) i + 1, 1, 1);
    }

  return grid;
}

static GtkWidget *
create_question_card (TenureAuditView           *self,
                      const TenureAuditQuestion *question)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  g_autofree char *stays = NULL;   /* the strongest signal of customers who stay */
  g_autofree char *leaves = NULL;
  g_autofree char *sentences = NULL;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *chart = tenure_bar_chart_new ();
  double strongest_stays = 0;
  double strongest_leaves = 0;
  guint hidden = 0;
  guint top, bottom;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "audit-card");

  for (guint i = 0; i < question->options->len; i++)
    g_ptr_array_add (sorted, &g_array_index (question->options, TenureAuditOption, i));
  g_ptr_array_sort (sorted, compare_options);

  for (guint i = 0; i < sorted->len; i++)
    {
      const TenureAuditOption *option = g_ptr_array_index (sorted, i);
      double strength;
      g_autofree char *sentence = describe_signal (option, &strength);

      if (sentence != NULL && strength > strongest_stays)
        {
          strongest_stays = strength;
          g_free (stays);
          stays = g_steal_pointer (&sentence);
        }
      else if (sentence != NULL && -strength > strongest_leaves)
        {
          strongest_leaves = -strength;
          g_free (leaves);
          leaves = g_steal_pointer (&sentence);
        }
    }

  /* A question with thousands of answers shows those with the strongest signals, at both
   * ends of the order: a chart and a table of them all would freeze the window. */
  if (sorted->len > MAX_SHOWN_ANSWERS)
    {
      hidden = sorted->len - MAX_SHOWN_ANSWERS;
      g_ptr_array_remove_range (sorted, MAX_SHOWN_ANSWERS / 2, hidden);
    }

  top = tenure_chart_data_add_series (data, _("Best-retained"), TENURE_CHART_COLOR_GREEN);
  bottom = tenure_chart_data_add_series (data, _("Fastest-churning"), TENURE_CHART_COLOR_RED);
  for (guint i = 0; i < sorted->len; i++)
    {
      const TenureAuditOption *option = g_ptr_array_index (sorted, i);
      guint category = tenure_chart_data_add_category (data, option->text);

      tenure_chart_data_set_value (data, top, category,
                                   option->has_shares ? option->share_top_pct : NAN);
      tenure_chart_data_set_value (data, bottom, category,
                                   option->has_shares ? option->share_bottom_pct : NAN);
    }

  tenure_chart_set_title (TENURE_CHART (chart), question->text);
  tenure_chart_set_x_title (TENURE_CHART (chart),
                            _("Share of each group that chose the answer (best-retained left, "
                              "fastest-churning right)"));
  tenure_chart_set_empty_text (TENURE_CHART (chart), _("No customer answered this question"));
  tenure_chart_set_data (TENURE_CHART (chart), data);
  tenure_bar_chart_set_diverging (TENURE_BAR_CHART (chart), TRUE);
  gtk_widget_set_size_request (chart, -1, 110 + 40 * (int) sorted->len);
  g_ptr_array_add (self->charts, chart);

  if (stays != NULL || leaves != NULL)
    sentences = g_strjoin (" ", stays != NULL ? stays : leaves,
                           stays != NULL ? leaves : NULL, NULL);

  gtk_box_append (GTK_BOX (card), chart);
  if (!question->active)
    gtk_box_append (GTK_BOX (card),
                    create_label (_("No longer asked at signup: its answers still count."),
                                  "dim-label", 0));
  gtk_box_append (GTK_BOX (card),
                  create_label (sentences != NULL ? sentences
                                                  : _("No answer stands out: both groups chose "
                                                      "them about as often."), NULL, 0));
  gtk_box_append (GTK_BOX (card), create_points_grid (sorted));
  if (hidden > 0)
    {
      g_autofree char *count = tenure_format_count (hidden);
      g_autofree char *text = NULL;

      /* Translators: %s is a number of answers of a question */
      text = g_strdup_printf (ngettext ("%s answer with a weaker signal is not shown.",
                                        "%s answers with weaker signals are not shown.",
                                        hidden), count);
      gtk_box_append (GTK_BOX (card), create_label (text, "dim-label", 0));
    }

  return card;
}

static void
tenure_audit_view_dispose (GObject *object)
{
  TenureAuditView *self = TENURE_AUDIT_VIEW (object);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_AUDIT_VIEW);
  g_clear_pointer (&self->charts, g_ptr_array_unref);

  G_OBJECT_CLASS (tenure_audit_view_parent_class)->dispose (object);
}

static void
tenure_audit_view_class_init (TenureAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_audit_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureAuditView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TenureAuditView, questions_box);
  gtk_widget_class_bind_template_child (widget_class, TenureAuditView, signals_group);
  gtk_widget_class_bind_template_child (widget_class, TenureAuditView, signals_label);
  gtk_widget_class_bind_template_child (widget_class, TenureAuditView, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureAuditView, summary_label);
}

static void
tenure_audit_view_init (TenureAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->charts = g_ptr_array_new ();
}

/* "Compared: the 82 best-retained and the 82 fastest-churning of 407 customers who
 * answered, signed up at least 6 months before October 2026." */
char *
tenure_audit_view_format_summary (const TenureAudit *audit)
{
  g_autofree char *month = tenure_month_selector_format_month (audit->month);

  return g_strdup_printf (ngettext ("Compared: the %u best-retained and the %u fastest-churning "
                                    "of %u customer who answered, signed up at least 6 months "
                                    "before %s.",
                                    "Compared: the %u best-retained and the %u fastest-churning "
                                    "of %u customers who answered, signed up at least 6 months "
                                    "before %s.", audit->population),
                          audit->group_size, audit->group_size, audit->population, month);
}

/* Shows @audit (NULL: nothing to show). */
void
tenure_audit_view_set_audit (TenureAuditView   *self,
                             const TenureAudit *audit)
{
  g_autoptr(GArray) signals = g_array_new (FALSE, FALSE, sizeof (Signal));
  g_autofree char *summary = NULL;
  GtkWidget *child;
  GString *text;

  g_return_if_fail (TENURE_IS_AUDIT_VIEW (self));

  g_ptr_array_set_size (self->charts, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);

  if (audit == NULL || audit->population == 0 || audit->questions->len == 0)
    {
      g_autofree char *month = audit != NULL ? tenure_month_selector_format_month (audit->month)
                                             : g_strdup ("");
      g_autofree char *description = NULL;

      description = g_markup_printf_escaped (_("The audit compares the customers who answered "
                                               "at least one signup question and signed up at "
                                               "least 6 months before %s: none did. Pick a later "
                                               "month, or import the signup answers."), month);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  summary = tenure_audit_view_format_summary (audit);
  gtk_label_set_text (self->summary_label, summary);

  for (guint q = 0; q < audit->questions->len; q++)
    {
      const TenureAuditQuestion *question = g_ptr_array_index (audit->questions, q);

      gtk_box_append (self->questions_box, create_question_card (self, question));
      for (guint i = 0; i < question->options->len; i++)
        {
          Signal signal;

          signal.text = describe_signal (&g_array_index (question->options, TenureAuditOption, i),
                                         &signal.strength);
          if (signal.text != NULL)
            g_array_append_val (signals, signal);
        }
    }

  /* The two strongest signals each way: who stays, then who leaves. */
  g_array_sort (signals, compare_signals);
  text = g_string_new (NULL);
  for (guint i = 0, n = 0; i < signals->len && n < 2; i++)
    if (g_array_index (signals, Signal, i).strength > 0)
      {
        g_string_append_printf (text, "%s• %s", text->len > 0 ? "\n" : "",
                                g_array_index (signals, Signal, i).text);
        n++;
      }
  for (guint i = signals->len, n = 0; i > 0 && n < 2; i--)
    if (g_array_index (signals, Signal, i - 1).strength < 0)
      {
        g_string_append_printf (text, "%s• %s", text->len > 0 ? "\n" : "",
                                g_array_index (signals, Signal, i - 1).text);
        n++;
      }
  gtk_label_set_text (self->signals_label, text->str);
  g_string_free (text, TRUE);
  for (guint i = 0; i < signals->len; i++)
    g_free (g_array_index (signals, Signal, i).text);
  gtk_widget_set_visible (self->signals_group, signals->len > 0);

  gtk_stack_set_visible_child_name (self->stack, "audit");
}

/* The summary shown above the charts, or NULL when the empty state is shown. */
const char *
tenure_audit_view_get_summary (TenureAuditView *self)
{
  g_return_val_if_fail (TENURE_IS_AUDIT_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "audit") != 0)
    return NULL;

  return gtk_label_get_text (self->summary_label);
}

/* The chart of the @index-th question. */
TenureChart *
tenure_audit_view_get_chart (TenureAuditView *self,
                             guint            index)
{
  g_return_val_if_fail (TENURE_IS_AUDIT_VIEW (self), NULL);

  if (index >= self->charts->len)
    return NULL;

  return g_ptr_array_index (self->charts, index);
}
