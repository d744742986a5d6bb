// The incidents map: Natural Earth's countries (shipped with Rollbook) and each incident as
// a point, coloured by its verification state. No tiles, no request beyond this server.
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || !window.L || !window.topojson) {
    return;
  }
  var colours = {
    reported: "#9ca3af", corroborated: "#f59e0b", confirmed: "#dc2626",
    disputed: "#7c3aed", rejected: "#d1d5db"
  };
  var map = L.map(element, { attributionControl: true, zoomSnap: 0.5 });
  map.attributionControl.setPrefix("Boundaries: Natural Earth");
  map.setView([41, 46], 5);
  fetch(element.dataset.boundaries)
    .then(function (response) { return response.json(); })
    .then(function (world) {
      var countries = topojson.feature(world, world.objects.countries);
      L.geoJSON(countries, {
        style: { color: "#6b7280", weight: 0.8, fillColor: "#f3f4f6", fillOpacity: 1 }
      }).addTo(map).bringToBack();
    });
  fetch(element.dataset.incidents)
    .then(function (response) { return response.json(); })
    .then(function (incidents) {
      var layer = L.geoJSON(incidents, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {
            radius: 5, weight: 1, color: "#111827",
            fillColor: colours[feature.properties.state] || "#9ca3af", fillOpacity: 0.9
          });
        },
        onEachFeature: function (feature, marker) {
          var p = feature.properties;
          var text = document.createElement("div");
          text.textContent = "Incident " + p.id + ": " + p.type + ", " + p.time + ", " +
            p.place + " (" + p.state + ")" +
            (p.fatalities_best !== null ? "; killed: " + p.fatalities_best : "") +
            "; reported by " + p.reported_by;
          marker.bindPopup(text);
        }
      }).addTo(map);
      if (incidents.features.length) {
        map.fitBounds(layer.getBounds(), { padding: [40, 40], maxZoom: 7 });
      }
      element.dataset.loaded = String(incidents.features.length);
    });
}());
