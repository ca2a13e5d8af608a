/** A Discord id (a snowflake) as the stores and custom_ids accept it; zod-free, so the custom_id codec stays light. */
export const SNOWFLAKE_PATTERN = /^\d{15,21}$/;
