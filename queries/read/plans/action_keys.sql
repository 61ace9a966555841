-- params:
SELECT action_id, plan, ref FROM improvement_actions
