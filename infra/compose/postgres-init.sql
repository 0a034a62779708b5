-- One database per service on the compose file's PostgreSQL (ADR 0030); runs once, on an empty data volume.
-- Each service's migrate step then creates its tables (ADR 0025).
CREATE DATABASE nhi_inventory;
CREATE DATABASE nhi_ownership;
CREATE DATABASE nhi_lifecycle;
CREATE DATABASE nhi_exceptions;
CREATE DATABASE nhi_metrics;
