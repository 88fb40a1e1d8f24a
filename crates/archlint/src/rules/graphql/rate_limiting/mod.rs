pub mod unbounded_query_cost;
