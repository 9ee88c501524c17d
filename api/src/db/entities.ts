import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { AuthSession } from '../modules/auth/auth-session.entity.js';
import { SignInThrottle } from '../modules/auth/sign-in-throttle.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { IndicatorCategory } from '../modules/indicators/indicator-category.entity.js';
import { Indicator } from '../modules/indicators/indicator.entity.js';
import { Department } from '../modules/org/department.entity.js';
import { Employee } from '../modules/org/employee.entity.js';
import { Position } from '../modules/org/position.entity.js';
import { SchemeVersion } from '../modules/schemes/scheme-version.entity.js';
import { Scheme } from '../modules/schemes/scheme.entity.js';

/** Every entity, listed explicitly: no folder scanning, so src (tsx/vitest) and dist (node) behave the same. */
export const entities = [Department, Position, Employee, User, AuditEntry, IndicatorCategory, Indicator, Scheme, SchemeVersion, AuthSession, SignInThrottle];
