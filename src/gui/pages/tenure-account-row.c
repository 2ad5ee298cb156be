/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Wraps a TenureAccountHealth in a GObject with properties for sorters and expressions. */

#define G_LOG_DOMAIN "tenure-account-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-account-row.h"

struct _TenureAccountRow
{
  GObject              parent_instance;

  TenureAccountHealth  health;
  char                *display_name;
  char                *drivers;
};

G_DEFINE_FINAL_TYPE (TenureAccountRow, tenure_account_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_OWNER,
  PROP_SEGMENT,
  PROP_SCORE,
  PROP_BAND,
  PROP_MRR,
  PROP_DRIVERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

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
tenure_account_row_finalize (GObject *object)
{
  TenureAccountRow *self = (TenureAccountRow *)object;

  g_free (self->health.external_id);
  g_free (self->health.name);
  g_free (self->health.owner);
  g_free (self->health.segment);
  g_free (self->health.plan);
  g_free (self->health.channel);
  g_free (self->display_name);
  g_free (self->drivers);

  G_OBJECT_CLASS (tenure_account_row_parent_class)->finalize (object);
}

static void
tenure_account_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TenureAccountRow *self = TENURE_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->health.owner);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->health.segment);
      break;
    case PROP_SCORE:
      g_value_set_int (value, self->health.score);
      break;
    case PROP_BAND:
      g_value_set_int (value, self->health.band);
      break;
    case PROP_MRR:
      g_value_set_int64 (value, self->health.mrr_cents);
      break;
    case PROP_DRIVERS:
      g_value_set_string (value, self->drivers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_account_row_class_init (TenureAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_account_row_finalize;
  object_class->get_property = tenure_account_row_get_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL, 0, 100, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* A TenureHealthBand: green 0, amber 1, red 2. */
  properties [PROP_BAND] =
    g_param_spec_int ("band", NULL, NULL, 0, TENURE_HEALTH_N_BANDS - 1, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MRR] =
    g_param_spec_int64 ("mrr", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_DRIVERS] =
    g_param_spec_string ("drivers", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenure_account_row_init (TenureAccountRow *self)
{
}

TenureAccountRow *
tenure_account_row_new (const TenureAccountHealth *health)
{
  TenureAccountRow *self = g_object_new (TENURE_TYPE_ACCOUNT_ROW, NULL);

  self->health = *health;
  self->health.external_id = g_strdup (health->external_id);
  self->health.name = g_strdup (health->name);
  self->health.owner = g_strdup (health->owner);
  self->health.segment = g_strdup (health->segment);
  self->health.plan = g_strdup (health->plan);
  self->health.channel = g_strdup (health->channel);
  self->display_name = g_strdup (health->name != NULL && *health->name != '\0'
                                 ? health->name : health->external_id);
  self->drivers = tenure_account_drivers_text (health);

  return self;
}

const TenureAccountHealth *
tenure_account_row_get_health (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return &self->health;
}

gint64
tenure_account_row_get_id (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->health.account_id;
}

/* The account's name, or its external id when it has none. */
const char *
tenure_account_row_get_name (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->display_name;
}

const char *
tenure_account_row_get_owner (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->health.owner;
}

const char *
tenure_account_row_get_segment (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->health.segment;
}

int
tenure_account_row_get_score (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->health.score;
}

TenureHealthBand
tenure_account_row_get_band (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->health.band;
}

gint64
tenure_account_row_get_mrr (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), 0);

  return self->health.mrr_cents;
}

gboolean
tenure_account_row_get_dormant (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), FALSE);

  return self->health.dormant;
}

const char *
tenure_account_row_get_drivers (TenureAccountRow *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_ROW (self), NULL);

  return self->drivers;
}
