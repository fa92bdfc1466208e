"""baseline schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('custom_format',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('description', sa.String(), nullable=False),
    sa.Column('when_to_use', sa.String(), nullable=False),
    sa.Column('practice', sa.Boolean(), nullable=False),
    sa.CheckConstraint("kind IN ('learning', 'non_learning')", name=op.f('ck_custom_format_kind_valid')),
    sa.CheckConstraint('length(description) <= 2000', name=op.f('ck_custom_format_description_length')),
    sa.CheckConstraint('length(trim(key)) > 0 AND length(key) <= 60', name=op.f('ck_custom_format_key_required')),
    sa.CheckConstraint('length(trim(name)) > 0 AND length(name) <= 120', name=op.f('ck_custom_format_name_required')),
    sa.CheckConstraint('length(when_to_use) <= 2000', name=op.f('ck_custom_format_when_to_use_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custom_format')),
    sa.UniqueConstraint('key', name=op.f('uq_custom_format_key'))
    )
    op.create_table('workshop',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('intent', sa.String(), nullable=False),
    sa.Column('site', sa.String(), nullable=False),
    sa.Column('facilitator', sa.String(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('stage', sa.String(), nullable=False),
    sa.Column('dot_budget', sa.Integer(), nullable=False),
    sa.Column('anonymous_notes', sa.Boolean(), nullable=False),
    sa.Column('anonymous_votes', sa.Boolean(), nullable=False),
    sa.Column('votes_on_notes', sa.Boolean(), nullable=False),
    sa.Column('checkpoint_days', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("checkpoint_days GLOB '[0-9]*' AND checkpoint_days NOT GLOB '*[^0-9,]*'", name=op.f('ck_workshop_checkpoint_days_list')),
    sa.CheckConstraint("stage IN ('intent', 'capture', 'cluster', 'prioritise', 'map', 'pdca', 'report')", name=op.f('ck_workshop_stage_valid')),
    sa.CheckConstraint('dot_budget BETWEEN 1 AND 50', name=op.f('ck_workshop_dot_budget_range')),
    sa.CheckConstraint('length(facilitator) <= 200', name=op.f('ck_workshop_facilitator_length')),
    sa.CheckConstraint('length(intent) <= 4000', name=op.f('ck_workshop_intent_length')),
    sa.CheckConstraint('length(site) <= 200', name=op.f('ck_workshop_site_length')),
    sa.CheckConstraint('length(trim(title)) > 0 AND length(title) <= 200', name=op.f('ck_workshop_title_required')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop'))
    )
    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("stage IN ('intent', 'capture', 'cluster', 'prioritise', 'map', 'pdca', 'report')", name=op.f('ck_agenda_item_stage_valid')),
    sa.CheckConstraint('length(title) <= 200', name=op.f('ck_agenda_item_title_length')),
    sa.CheckConstraint('minutes BETWEEN 1 AND 480', name=op.f('ck_agenda_item_minutes_range')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_agenda_item_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('intervention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('format_key', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('effort', sa.Integer(), nullable=True),
    sa.Column('cost', sa.Float(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('description', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('learning', 'non_learning')", name=op.f('ck_intervention_kind_valid')),
    sa.CheckConstraint('cost IS NULL OR cost >= 0', name=op.f('ck_intervention_cost_positive')),
    sa.CheckConstraint('effort IS NULL OR effort BETWEEN 1 AND 5', name=op.f('ck_intervention_effort_1_5')),
    sa.CheckConstraint('length(description) <= 4000', name=op.f('ck_intervention_description_length')),
    sa.CheckConstraint('length(owner) <= 200', name=op.f('ck_intervention_owner_length')),
    sa.CheckConstraint('length(trim(format_key)) > 0 AND length(format_key) <= 60', name=op.f('ck_intervention_format_key_required')),
    sa.CheckConstraint('length(trim(title)) > 0 AND length(title) <= 300', name=op.f('ck_intervention_title_required')),
    sa.CheckConstraint('starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on', name=op.f('ck_intervention_dates_in_order')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_intervention_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intervention'))
    )
    with op.batch_alter_table('intervention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intervention_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('outcome',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('kpi', sa.String(), nullable=False),
    sa.Column('unit', sa.String(), nullable=False),
    sa.Column('direction', sa.String(), nullable=False),
    sa.Column('baseline', sa.Float(), nullable=True),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('value_per_unit', sa.Float(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("direction IN ('increase', 'decrease')", name=op.f('ck_outcome_direction_valid')),
    sa.CheckConstraint('length(trim(kpi)) > 0 AND length(kpi) <= 200', name=op.f('ck_outcome_kpi_required')),
    sa.CheckConstraint('length(unit) <= 40', name=op.f('ck_outcome_unit_length')),
    sa.CheckConstraint('value_per_unit IS NULL OR value_per_unit >= 0', name=op.f('ck_outcome_value_per_unit_positive')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_outcome_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome'))
    )
    with op.batch_alter_table('outcome', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('stakeholder_group', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("stakeholder_group IN ('frontline', 'supervisor', 'manager', 'ld_hr', 'operations', 'finance', 'customer')", name=op.f('ck_participant_stakeholder_group_valid')),
    sa.CheckConstraint('length(role) <= 200', name=op.f('ck_participant_role_length')),
    sa.CheckConstraint('name IS NULL OR length(name) <= 200', name=op.f('ck_participant_name_length')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_participant_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('color', sa.String(), nullable=False),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.Column('width', sa.Float(), nullable=True),
    sa.Column('height', sa.Float(), nullable=True),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('impact_override', sa.Integer(), nullable=True),
    sa.Column('frequency_override', sa.Integer(), nullable=True),
    sa.Column('effort', sa.Integer(), nullable=True),
    sa.Column('selected', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("length(color) = 7 AND color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'", name=op.f('ck_theme_color_hex')),
    sa.CheckConstraint('effort IS NULL OR effort BETWEEN 1 AND 5', name=op.f('ck_theme_effort_1_5')),
    sa.CheckConstraint('frequency_override IS NULL OR frequency_override BETWEEN 1 AND 5', name=op.f('ck_theme_frequency_override_1_5')),
    sa.CheckConstraint('height IS NULL OR height > 0', name=op.f('ck_theme_height_positive')),
    sa.CheckConstraint('impact_override IS NULL OR impact_override BETWEEN 1 AND 5', name=op.f('ck_theme_impact_override_1_5')),
    sa.CheckConstraint('length(trim(name)) > 0 AND length(name) <= 200', name=op.f('ck_theme_name_required')),
    sa.CheckConstraint('width IS NULL OR width > 0', name=op.f('ck_theme_width_positive')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_theme_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme'))
    )
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('behaviour',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('statement', sa.String(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(trim(statement)) > 0 AND length(statement) <= 1000', name=op.f('ck_behaviour_statement_required')),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcome.id'], name=op.f('fk_behaviour_outcome_id_outcome'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_behaviour_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_behaviour'))
    )
    with op.batch_alter_table('behaviour', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_behaviour_outcome_id'), ['outcome_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_behaviour_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('cause',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.CheckConstraint("kind IN ('knowledge_skill', 'process', 'tools_resources', 'incentives', 'expectations_feedback', 'environment')", name=op.f('ck_cause_kind_valid')),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_cause_theme_id_theme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cause')),
    sa.UniqueConstraint('theme_id', 'kind', name='uq_cause_theme_kind')
    )
    with op.batch_alter_table('cause', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cause_theme_id'), ['theme_id'], unique=False)

    op.create_table('cycle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('intervention_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('phase', sa.String(), nullable=False),
    sa.Column('hypothesis', sa.String(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=True),
    sa.Column('baseline', sa.Float(), nullable=True),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('do_started_on', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(), nullable=True),
    sa.Column('decision_reason', sa.String(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IS NULL OR decision IN ('standardise', 'adjust', 'abandon')", name=op.f('ck_cycle_decision_valid')),
    sa.CheckConstraint("phase IN ('plan', 'do', 'check', 'act')", name=op.f('ck_cycle_phase_valid')),
    sa.CheckConstraint('length(decision_reason) <= 2000', name=op.f('ck_cycle_decision_reason_length')),
    sa.CheckConstraint('length(hypothesis) <= 2000', name=op.f('ck_cycle_hypothesis_length')),
    sa.CheckConstraint('length(owner) <= 200', name=op.f('ck_cycle_owner_length')),
    sa.CheckConstraint('number >= 1', name=op.f('ck_cycle_number_positive')),
    sa.ForeignKeyConstraint(['intervention_id'], ['intervention.id'], name=op.f('fk_cycle_intervention_id_intervention'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcome.id'], name=op.f('fk_cycle_outcome_id_outcome'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['previous_id'], ['cycle.id'], name=op.f('fk_cycle_previous_id_cycle'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle')),
    sa.UniqueConstraint('intervention_id', 'number', name='uq_cycle_intervention_number')
    )
    with op.batch_alter_table('cycle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_intervention_id'), ['intervention_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cycle_outcome_id'), ['outcome_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cycle_previous_id'), ['previous_id'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('process_area', sa.String(), nullable=False),
    sa.Column('frequency', sa.Integer(), nullable=True),
    sa.Column('impact', sa.Integer(), nullable=True),
    sa.Column('theme_id', sa.Integer(), nullable=True),
    sa.Column('stacked_on_id', sa.Integer(), nullable=True),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('frequency IS NULL OR frequency BETWEEN 1 AND 5', name=op.f('ck_note_frequency_1_5')),
    sa.CheckConstraint('impact IS NULL OR impact BETWEEN 1 AND 5', name=op.f('ck_note_impact_1_5')),
    sa.CheckConstraint('length(process_area) <= 200', name=op.f('ck_note_process_area_length')),
    sa.CheckConstraint('length(trim(text)) > 0 AND length(text) <= 100000', name=op.f('ck_note_text_required')),
    sa.CheckConstraint('stacked_on_id IS NULL OR stacked_on_id <> id', name=op.f('ck_note_not_stacked_on_self')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_note_participant_id_participant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['stacked_on_id'], ['note.id'], name=op.f('fk_note_stacked_on_id_note'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_note_theme_id_theme'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_note_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_stacked_on_id'), ['stacked_on_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_theme_id'), ['theme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('triage',
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('expectations_clear', sa.Boolean(), nullable=True),
    sa.Column('resources_adequate', sa.Boolean(), nullable=True),
    sa.Column('incentives_aligned', sa.Boolean(), nullable=True),
    sa.Column('could_do_if_life_depended', sa.Boolean(), nullable=True),
    sa.Column('environment_supports', sa.Boolean(), nullable=True),
    sa.Column('notes', sa.String(), nullable=False),
    sa.CheckConstraint('length(notes) <= 4000', name=op.f('ck_triage_notes_length')),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_triage_theme_id_theme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('theme_id', name=op.f('pk_triage'))
    )
    op.create_table('action_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('done_on IS NULL OR done', name=op.f('ck_action_item_done_on_when_done')),
    sa.CheckConstraint('length(owner) <= 200', name=op.f('ck_action_item_owner_length')),
    sa.CheckConstraint('length(trim(text)) > 0 AND length(text) <= 1000', name=op.f('ck_action_item_text_required')),
    sa.ForeignKeyConstraint(['cycle_id'], ['cycle.id'], name=op.f('fk_action_item_cycle_id_cycle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item'))
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_cycle_id'), ['cycle_id'], unique=False)

    op.create_table('behaviour_theme',
    sa.Column('behaviour_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['behaviour_id'], ['behaviour.id'], name=op.f('fk_behaviour_theme_behaviour_id_behaviour'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_behaviour_theme_theme_id_theme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('behaviour_id', 'theme_id', name=op.f('pk_behaviour_theme'))
    )
    op.create_table('checkpoint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('offset_days', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('applied', sa.String(), nullable=True),
    sa.Column('applied_by', sa.String(), nullable=False),
    sa.Column('how_observed', sa.String(), nullable=False),
    sa.Column('observations', sa.String(), nullable=False),
    sa.CheckConstraint("applied IS NULL OR applied IN ('yes', 'partly', 'no')", name=op.f('ck_checkpoint_applied_valid')),
    sa.CheckConstraint('length(applied_by) <= 500', name=op.f('ck_checkpoint_applied_by_length')),
    sa.CheckConstraint('length(how_observed) <= 2000', name=op.f('ck_checkpoint_how_observed_length')),
    sa.CheckConstraint('length(observations) <= 4000', name=op.f('ck_checkpoint_observations_length')),
    sa.CheckConstraint('offset_days > 0', name=op.f('ck_checkpoint_offset_positive')),
    sa.ForeignKeyConstraint(['cycle_id'], ['cycle.id'], name=op.f('fk_checkpoint_cycle_id_cycle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkpoint'))
    )
    with op.batch_alter_table('checkpoint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkpoint_cycle_id'), ['cycle_id'], unique=False)

    op.create_table('intervention_behaviour',
    sa.Column('intervention_id', sa.Integer(), nullable=False),
    sa.Column('behaviour_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['behaviour_id'], ['behaviour.id'], name=op.f('fk_intervention_behaviour_behaviour_id_behaviour'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['intervention_id'], ['intervention.id'], name=op.f('fk_intervention_behaviour_intervention_id_intervention'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('intervention_id', 'behaviour_id', name=op.f('pk_intervention_behaviour'))
    )
    op.create_table('vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('theme_id', sa.Integer(), nullable=True),
    sa.Column('note_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(theme_id IS NULL) <> (note_id IS NULL)', name=op.f('ck_vote_on_theme_or_note')),
    sa.ForeignKeyConstraint(['note_id'], ['note.id'], name=op.f('fk_vote_note_id_note'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_vote_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_vote_theme_id_theme'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_vote_workshop_id_workshop'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vote'))
    )
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_note_id'), ['note_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_theme_id'), ['theme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('measurement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=True),
    sa.Column('checkpoint_id', sa.Integer(), nullable=True),
    sa.Column('taken_on', sa.Date(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.CheckConstraint('length(note) <= 2000', name=op.f('ck_measurement_note_length')),
    sa.ForeignKeyConstraint(['checkpoint_id'], ['checkpoint.id'], name=op.f('fk_measurement_checkpoint_id_checkpoint'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['cycle_id'], ['cycle.id'], name=op.f('fk_measurement_cycle_id_cycle'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcome.id'], name=op.f('fk_measurement_outcome_id_outcome'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement'))
    )
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_checkpoint_id'), ['checkpoint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurement_cycle_id'), ['cycle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurement_outcome_id'), ['outcome_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_outcome_id'))
        batch_op.drop_index(batch_op.f('ix_measurement_cycle_id'))
        batch_op.drop_index(batch_op.f('ix_measurement_checkpoint_id'))

    op.drop_table('measurement')
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_vote_theme_id'))
        batch_op.drop_index(batch_op.f('ix_vote_participant_id'))
        batch_op.drop_index(batch_op.f('ix_vote_note_id'))

    op.drop_table('vote')
    op.drop_table('intervention_behaviour')
    with op.batch_alter_table('checkpoint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkpoint_cycle_id'))

    op.drop_table('checkpoint')
    op.drop_table('behaviour_theme')
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_cycle_id'))

    op.drop_table('action_item')
    op.drop_table('triage')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_note_theme_id'))
        batch_op.drop_index(batch_op.f('ix_note_stacked_on_id'))
        batch_op.drop_index(batch_op.f('ix_note_participant_id'))

    op.drop_table('note')
    with op.batch_alter_table('cycle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cycle_previous_id'))
        batch_op.drop_index(batch_op.f('ix_cycle_outcome_id'))
        batch_op.drop_index(batch_op.f('ix_cycle_intervention_id'))

    op.drop_table('cycle')
    with op.batch_alter_table('cause', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cause_theme_id'))

    op.drop_table('cause')
    with op.batch_alter_table('behaviour', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_behaviour_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_behaviour_outcome_id'))

    op.drop_table('behaviour')
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_workshop_id'))

    op.drop_table('theme')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_workshop_id'))

    op.drop_table('participant')
    with op.batch_alter_table('outcome', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_workshop_id'))

    op.drop_table('outcome')
    with op.batch_alter_table('intervention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intervention_workshop_id'))

    op.drop_table('intervention')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_workshop_id'))

    op.drop_table('agenda_item')
    op.drop_table('workshop')
    op.drop_table('custom_format')

