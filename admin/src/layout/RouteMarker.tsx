import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * Writes the path of the page on screen to `<html data-route>` once React has committed it. The address
 * changes first and the page renders afterwards, so the browser tests (test/e2e/settle.ts) wait for this
 * marker to match the address instead of sleeping.
 */
export const RouteMarker = () => {
  const { pathname } = useLocation();
  useEffect(() => {
    document.documentElement.dataset.route = pathname;
  }, [pathname]);
  return null;
};
