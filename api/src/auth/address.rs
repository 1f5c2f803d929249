//! The client's address, as login throttling, refresh tokens and the logs see it.
//! `X-Forwarded-For` counts only when the peer is a configured proxy: anyone else could
//! write a fresh address into it for every password guess.
use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{HeaderMap, request::Parts},
};

use crate::error::AppError;

/// Set on every request by the router (see `startup::with_layers`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The peer, or the rightmost `X-Forwarded-For` hop that is not one of our proxies.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    // Right to left: each trusted proxy appended the address it saw, so the first hop that
    // is not one of ours was written by one of ours. What lies further left is the client's.
    hops.into_iter()
        .rev()
        .map(|hop| hop.parse::<IpAddr>().ok())
        .find(|hop| hop.is_none_or(|ip| !trusted.contains(&ip)))
        .flatten()
        .unwrap_or(peer)
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        if let Some(ip) = parts.extensions.get::<ClientIp>() {
            return Ok(*ip);
        }
        // A router without our layers (tests of single routes) still knows its peer.
        parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| ClientIp(addr.ip()))
            .ok_or_else(|| AppError::from(anyhow::anyhow!("no client address on the request")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xff(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", v.parse().unwrap());
        h
    }

    #[test]
    fn forwarded_addresses_count_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let stranger: IpAddr = "192.0.2.7".parse().unwrap();
        let headers = xff("203.0.113.9, 198.51.100.4");
        assert_eq!(client_ip(stranger, &headers, &[proxy]), stranger);
        assert_eq!(
            client_ip(proxy, &headers, &[proxy]),
            "198.51.100.4".parse::<IpAddr>().unwrap()
        );
        // A client cannot hide behind an address it wrote itself to the left.
        assert_eq!(
            client_ip(proxy, &xff("1.2.3.4, 198.51.100.4, 10.0.0.1"), &[proxy]),
            "198.51.100.4".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(proxy, &xff("garbage"), &[proxy]), proxy);
    }
}
