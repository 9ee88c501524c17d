import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Department } from '../modules/org/department.entity.js';
import { Employee } from '../modules/org/employee.entity.js';
import { Position } from '../modules/org/position.entity.js';

/** Every entity, listed explicitly: no folder scanning, so src (tsx/vitest) and dist (node) behave the same. */
export const entities = [Department, Position, Employee, User, AuditEntry];
